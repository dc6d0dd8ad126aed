package kg.corenlplocal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Stanford CoreNLP's own HTTP server (edu.stanford.nlp.pipeline.StanfordCoreNLPServer) with
 * two additions that its command line lacks:
 *
 * <ul>
 *   <li>it listens on 127.0.0.1 only (CoreNLP always binds the wildcard address): the JDK's
 *       HttpServer provider is replaced by {@link LoopbackHttpServerProvider}, which rewrites a
 *       wildcard bind address to the host given by -Dcorenlp.local.host (default 127.0.0.1);</li>
 *   <li>{@code --exit-on-stdin-eof}: exits when standard input closes, i.e. when the Node process
 *       that started it dies, however it dies.</li>
 * </ul>
 *
 * All other arguments go to StanfordCoreNLPServer.main unchanged. CoreNLP (GPL-3.0) is looked up
 * at run time from the classpath; nothing here is compiled against it.
 */
public final class LocalCoreNLP {
  static final String HOST_PROPERTY = "corenlp.local.host";
  private static final String SERVER_CLASS = "edu.stanford.nlp.pipeline.StanfordCoreNLPServer";
  private static final String PROVIDER_PROPERTY = "com.sun.net.httpserver.HttpServerProvider";

  private LocalCoreNLP() {}

  public static void main(String[] args) throws Throwable {
    List<String> rest = new ArrayList<>();
    boolean exitOnStdinEof = false;
    for (String a : args) {
      if (a.equals("--exit-on-stdin-eof")) exitOnStdinEof = true;
      else rest.add(a);
    }
    if (System.getProperty(PROVIDER_PROPERTY) == null) {
      System.setProperty(PROVIDER_PROPERTY, LoopbackHttpServerProvider.class.getName());
    }
    if (exitOnStdinEof) watchStdin();

    Method main = Class.forName(SERVER_CLASS).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) rest.toArray(new String[0]));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    // StanfordCoreNLPServer.main returns once its HttpServer has started; its threads keep the JVM up.
    System.out.println("CORENLP_LOCAL_LISTENING " + System.getProperty(HOST_PROPERTY, "127.0.0.1"));
    System.out.flush();
  }

  private static void watchStdin() {
    Thread t = new Thread(() -> {
      InputStream in = System.in;
      byte[] buf = new byte[256];
      try {
        while (in.read(buf) >= 0) {
          // ignore input; wait for EOF
        }
      } catch (IOException ignored) {
        // treat a broken pipe like EOF
      }
      System.err.println("corenlp-local: stdin closed, exiting");
      System.exit(0);
    }, "corenlp-local-stdin-watch");
    t.setDaemon(true);
    t.start();
  }
}
