package dev.inkstone.cli;

import dev.inkstone.serve.PreviewServer;
import dev.inkstone.serve.ServeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code inkstone serve}: the preview server, which rebuilds and reloads on every save. */
final class ServeCommand {
  static final Command COMMAND = Command.named("serve", "Build the blog, serve it, and rebuild and reload the browser on every save.")
      .sourceOption()
      .value("port", "N", "The port (default: 1313; 0 picks a free one).")
      .value("host", "ADDRESS", "The address to listen on (default: 127.0.0.1: this machine only).")
      .flag("drafts", "Include posts marked draft: true (the default).")
      .flag("no-drafts", "Leave out posts marked draft: true.")
      .flag("future", "Include posts dated in the future.")
      .flag("open", "Open the site in the default browser.")
      .runs(ServeCommand::run);

  private ServeCommand() {}

  static int run(Arguments args, Command.Console console) throws InterruptedException {
    PrintWriter out = console.out();
    PrintWriter err = console.err();
    Path src = console.source(args);
    long port = args.number("port", 1313);
    if (port < 0 || port > 65535) {
      throw new Arguments.Wrong("--port takes a port from 0 to 65535, not " + port);
    }
    String host = args.string("host", "127.0.0.1");
    boolean drafts = !args.flag("no-drafts");
    if (!Files.isDirectory(src.resolve("content"))) {
      err.printf("1) %s: no content/ folder here%n    hint: a blog folder holds content/posts/*.md; run inkstone in it or pass --source DIR%n", src);
      err.flush();
      return 1;
    }
    PreviewServer server;
    try {
      server = PreviewServer.start(new ServeOptions(src, host, (int) port, drafts, args.flag("future"), Clock.systemUTC()), out, err);
    } catch (PreviewServer.PortInUseException e) {
      err.printf("inkstone: %s%n    hint: stop the other server, or pick another port: --port %d (or --port 0 for any free port)%n", e.getMessage(),
          port + 1);
      err.flush();
      return 1;
    } catch (java.io.UncheckedIOException e) {
      err.printf("inkstone: cannot listen on %s:%d: %s%n    hint: check --host%n", host, port, e.getCause().getMessage());
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      out.println("Stopped.");
      out.flush();
      stopped.countDown();
    }, "inkstone-stop"));
    if (args.flag("open")) {
      openBrowser(server.url(), err);
    }
    stopped.await();
    return 0;
  }

  private static void openBrowser(String url, PrintWriter err) {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    List<String> command = os.contains("mac") ? List.of("open", url)
        : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url) : List.of("xdg-open", url);
    try {
      new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      err.println("inkstone: cannot open a browser (" + e.getMessage() + "); open " + url + " yourself");
      err.flush();
    }
  }
}
