package kg.corenlplocal;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The JDK's own HttpServer provider, except that a wildcard bind address (0.0.0.0 / ::, which is
 * what {@code new InetSocketAddress(port)} means) becomes the host in -Dcorenlp.local.host
 * (default 127.0.0.1). Installed by {@link LocalCoreNLP} through the standard
 * {@code com.sun.net.httpserver.HttpServerProvider} system property.
 *
 * The JDK's default provider (sun.net.httpserver.DefaultHttpServerProvider) is not exported from
 * the jdk.httpserver module, so it is created reflectively; the jar's manifest has
 * {@code Add-Exports: jdk.httpserver/sun.net.httpserver} for {@code java -jar}, and other launches
 * need {@code --add-exports jdk.httpserver/sun.net.httpserver=ALL-UNNAMED}.
 */
public final class LoopbackHttpServerProvider extends HttpServerProvider {
  private final HttpServerProvider delegate;
  private final InetAddress host;

  public LoopbackHttpServerProvider() {
    try {
      delegate = (HttpServerProvider) Class.forName("sun.net.httpserver.DefaultHttpServerProvider")
          .getDeclaredConstructor()
          .newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "corenlp-local: cannot create the JDK's HttpServer provider (run with java -jar, or pass"
              + " --add-exports jdk.httpserver/sun.net.httpserver=ALL-UNNAMED): " + e,
          e);
    }
    String name = System.getProperty(LocalCoreNLP.HOST_PROPERTY, "127.0.0.1");
    try {
      host = InetAddress.getByName(name);
    } catch (IOException e) {
      throw new IllegalStateException("corenlp-local: bad -D" + LocalCoreNLP.HOST_PROPERTY + "=" + name, e);
    }
  }

  private InetSocketAddress rewrite(InetSocketAddress addr) {
    if (addr == null || addr.getAddress() == null || !addr.getAddress().isAnyLocalAddress()) return addr;
    return new InetSocketAddress(host, addr.getPort());
  }

  @Override
  public HttpServer createHttpServer(InetSocketAddress addr, int backlog) throws IOException {
    return delegate.createHttpServer(rewrite(addr), backlog);
  }

  @Override
  public HttpsServer createHttpsServer(InetSocketAddress addr, int backlog) throws IOException {
    return delegate.createHttpsServer(rewrite(addr), backlog);
  }
}
