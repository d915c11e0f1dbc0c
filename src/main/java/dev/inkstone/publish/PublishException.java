package dev.inkstone.publish;

/** A publish that could not finish, with what to do about it. Whatever was already live stays consistent. */
public final class PublishException extends RuntimeException {
  private final String hint;

  public PublishException(String message, String hint) {
    this(message, hint, null);
  }

  public PublishException(String message, String hint, Throwable cause) {
    super(message, cause, false, false);
    this.hint = hint == null ? "" : hint;
  }

  public String hint() {
    return hint;
  }
}
