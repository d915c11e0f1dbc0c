package dev.inkstone.cli;

import dev.inkstone.serve.PreviewServer;
import dev.inkstone.serve.ServeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Build the blog, serve it, and rebuild and reload the browser on every save.", mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--source", paramLabel = "DIR", description = "The blog folder (default: the current folder).")
  Path source = Path.of(".");

  @Option(names = "--port", paramLabel = "N", description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 1313;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default: ${DEFAULT-VALUE}: this machine only).")
  String host = "127.0.0.1";

  @Option(names = "--drafts", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Include posts marked draft: true (default: on; --no-drafts leaves them out).")
  boolean drafts;

  @Option(names = "--future", description = "Include posts dated in the future.")
  boolean future;

  @Option(names = "--open", description = "Open the site in the default browser.")
  boolean open;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path src = source.toAbsolutePath().normalize();
    if (!Files.isDirectory(src.resolve("content"))) {
      err.printf("1) %s: no content/ folder here%n    hint: a blog folder holds content/posts/*.md; run inkstone in it or pass --source DIR%n", src);
      err.flush();
      return 1;
    }
    PreviewServer server;
    try {
      server = PreviewServer.start(new ServeOptions(src, host, port, drafts, future, Clock.systemUTC()), out, err);
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
    if (open) {
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
