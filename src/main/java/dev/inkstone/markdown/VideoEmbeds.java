package dev.inkstone.markdown;

import dev.inkstone.output.Html;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-line video embeds. A paragraph that is nothing but
 *
 * <pre>
 * &#64;[bilibili](BV1xx411c7mD)         or  &#64;[bilibili](av170001)
 * &#64;[youtube](dQw4w9WgXcQ)
 * &#64;[video](./clip.mp4)              a file beside the post, or any URL
 * &#64;[youtube](dQw4w9WgXcQ "A title")  a title labels the player
 * </pre>
 *
 * becomes a responsive 16:9 box. Bilibili and YouTube start as a plain link to the video's page
 * carrying the player URL in {@code data-embed}: no request goes to the video site until the
 * reader clicks, when the theme's script swaps in the player (without the script the link
 * simply opens the video). A local file becomes a {@code <video>} that loads nothing before it
 * is played. Anything else, such as an id of the wrong shape, stays an ordinary paragraph.
 */
public final class VideoEmbeds implements HtmlRenderer.HtmlRendererExtension {
  static final Pattern LINE = Pattern.compile("^@\\[(bilibili|youtube|video)]\\(\\s*(\\S+?)(?:\\s+\"([^\"]*)\")?\\s*\\)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BV = Pattern.compile("BV[0-9A-Za-z]{10}");
  private static final Pattern AV = Pattern.compile("(?i)av(\\d{1,12})");
  private static final Pattern YOUTUBE = Pattern.compile("[0-9A-Za-z_-]{11}");
  private static final Pattern YOUTUBE_URL =
      Pattern.compile("(?:youtube(?:-nocookie)?\\.com/(?:watch\\?(?:.*&)?v=|embed/|v/|shorts/)|youtu\\.be/)([0-9A-Za-z_-]{11})(?![0-9A-Za-z_-])");

  VideoEmbeds() {}

  /**
   * The YouTube video id in {@code idOrUrl}: a bare id, or a watch, share, embed or shorts URL;
   * null when there is none. For importers, which turn other generators' embeds into
   * {@link #youtubeLine} so that every video renders the same way.
   */
  public static String youtubeId(String idOrUrl) {
    String s = idOrUrl == null ? "" : idOrUrl.strip();
    if (YOUTUBE.matcher(s).matches()) {
      return s;
    }
    Matcher m = YOUTUBE_URL.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  /** The line that embeds YouTube video {@code id} (see {@link #youtubeId}), to stand as a paragraph of its own. */
  public static String youtubeLine(String id) {
    return "@[youtube](" + id + ")";
  }

  /**
   * The player of YouTube video {@code id} as an iframe (no cookies, loaded lazily): for an
   * imported embed that {@link #youtubeLine} cannot stand for, within a line of text or with an
   * id of another shape.
   */
  public static String youtubeIframe(String id) {
    return "<iframe src=\"https://www.youtube-nocookie.com/embed/" + id
        + "\" width=\"560\" height=\"315\" title=\"YouTube video\" allowfullscreen loading=\"lazy\"></iframe>";
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    builder.nodeRendererFactory(Renderer::new);
  }

  static final class Renderer implements NodeRenderer {
    Renderer(DataHolder options) {}

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(Paragraph.class, this::render));
    }

    private void render(Paragraph node, NodeRendererContext context, HtmlWriter html) {
      // Nearly every paragraph is prose: look at its first character before copying it out.
      if (node.getChars().trimStart().firstChar() != '@') {
        context.delegateRender();
        return;
      }
      Matcher m = LINE.matcher(node.getChars().toString().strip());
      if (!m.matches() || !embed(m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.group(3), context, html)) {
        context.delegateRender();
      }
    }
  }

  private static boolean embed(String kind, String target, String title, NodeRendererContext context, HtmlWriter html) {
    String page;
    String player;
    String label;
    switch (kind) {
      case "bilibili" -> {
        Matcher av = AV.matcher(target);
        if (BV.matcher(target).matches()) {
          page = "https://www.bilibili.com/video/" + target + "/";
          player = "https://player.bilibili.com/player.html?bvid=" + target + "&autoplay=1";
        } else if (av.matches()) {
          page = "https://www.bilibili.com/video/av" + av.group(1) + "/";
          player = "https://player.bilibili.com/player.html?aid=" + av.group(1) + "&autoplay=1";
        } else {
          return false;
        }
        label = "Bilibili";
      }
      case "youtube" -> {
        if (!YOUTUBE.matcher(target).matches()) {
          return false;
        }
        page = "https://www.youtube.com/watch?v=" + target;
        player = "https://www.youtube-nocookie.com/embed/" + target + "?autoplay=1";
        label = "YouTube";
      }
      default -> {
        String src = context.resolveLink(LinkType.LINK, target, null).getUrl();
        html.line();
        html.raw("<figure class=\"video-embed video-local\">");
        html.raw("<video controls preload=\"none\" playsinline src=\"" + Html.escape(src) + "\"");
        if (title != null && !title.isBlank()) {
          html.raw(" title=\"" + Html.escape(title) + "\"");
        }
        html.raw("><a href=\"" + Html.escape(src) + "\">" + Html.escape(title == null || title.isBlank() ? target : title) + "</a></video></figure>");
        html.line();
        return true;
      }
    }
    String text = title == null || title.isBlank() ? label + " · " + target : title;
    html.line();
    html.raw("<figure class=\"video-embed video-" + kind + "\"><a class=\"video-facade\" href=\"" + Html.escape(page) + "\" data-embed=\""
        + Html.escape(player) + "\"><span class=\"video-play\" aria-hidden=\"true\"></span><span class=\"video-label\">" + Html.escape(text)
        + "</span></a></figure>");
    html.line();
    return true;
  }

}
