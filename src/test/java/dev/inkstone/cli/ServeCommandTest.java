package dev.inkstone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.build.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void a_port_in_use_is_one_clear_message_with_a_hint_and_exit_code_1() throws IOException {
    TestSite.write(dir, "-- content/posts/a.md --\n---\ntitle: A\ndate: 2024-01-01\n---\nA.\n");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = InkstoneCommand.commandLine();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int code = cl.execute("serve", "--source", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use").contains("hint:").contains("--port")
          .doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void a_folder_without_content_is_reported_with_a_hint() {
    StringWriter err = new StringWriter();
    CommandLine cl = InkstoneCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("serve", "--source", dir.toString(), "--port", "0")).isEqualTo(1);
    assertThat(err.toString()).contains("no content/ folder here").contains("hint:");
  }
}
