package com.payhub.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of the ledger database, so that a test can make the database
 * unreachable without stopping it: {@link #cut} closes every open connection and stops listening
 * (new connections are refused, as from a database host that went away), {@link #restore} listens
 * again on the same port. The hub's JDBC URL names the proxy; the test's own counting goes around
 * it.
 */
final class TcpProxy implements AutoCloseable {

  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  TcpProxy(int targetPort) {
    this.targetPort = targetPort;
    this.port = Ports.free();
    listen();
  }

  int port() {
    return port;
  }

  /** Every open connection closed, new ones refused, until {@link #restore}. */
  synchronized void cut() {
    ServerSocket l = listener;
    listener = null;
    closeQuietly(l);
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  /** Accepts connections again, on the same port. */
  synchronized void restore() {
    if (listener == null) {
      listen();
    }
  }

  @Override
  public void close() {
    cut();
  }

  private void listen() {
    try {
      ServerSocket l = new ServerSocket();
      l.setReuseAddress(true);
      l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listener = l;
      Thread t = new Thread(() -> accept(l), "db-proxy-accept");
      t.setDaemon(true);
      t.start();
    } catch (IOException e) {
      throw new UncheckedIOException("the database proxy cannot listen on " + port, e);
    }
  }

  private void accept(ServerSocket l) {
    while (!l.isClosed()) {
      Socket client;
      try {
        client = l.accept();
      } catch (IOException e) {
        return; // cut() closed the listener
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // the other side closed, or cut() did
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "db-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
