package com.payhub.fault;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;

/**
 * The hub's ledger as a database server of its own (H2 over TCP, a file under the run's folder),
 * inside the test JVM: it outlives a hub that is killed, like a real database does, and the test
 * counts rows and statuses straight from it with JDBC. The hub reaches it through a {@link
 * TcpProxy}, so that the database can be cut off while it keeps running.
 */
final class LedgerServer implements AutoCloseable {

  static final String DATABASE = "ledger";

  private final Server server;
  private final Connection keeper;

  /** One applied status change, as {@code payment_history} records it. */
  record Transition(String paymentId, long version, String fromStatus, String toStatus) {}

  LedgerServer(Path dir) throws SQLException {
    server =
        Server.createTcpServer(
                "-tcpPort",
                String.valueOf(Ports.free()),
                "-baseDir",
                dir.toString(),
                "-ifNotExists")
            .start();
    // a database server keeps its database open whoever connects: H2 would close it with its last
    // connection (e.g. when the proxy cuts the hub's), racing the hub's reconnects
    keeper = DriverManager.getConnection(url(port()) + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  int port() {
    return server.getPort();
  }

  /** The JDBC URL of the ledger through a server (or proxy) on {@code port}. */
  static String url(int port) {
    return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** Payment id → status, every payment in the ledger. */
  Map<String, String> statuses() throws SQLException {
    Map<String, String> out = new HashMap<>();
    query(
        "select payment_id, status from payment", rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }

  /** Merchant order number → payment id. */
  Map<String, String> paymentIdsByOrder() throws SQLException {
    Map<String, String> out = new HashMap<>();
    query(
        "select merchant_order_no, payment_id from payment",
        rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }

  /** Every applied change of a payment (refunds left out). */
  List<Transition> transitions() throws SQLException {
    List<Transition> out = new ArrayList<>();
    query(
        "select payment_id, subject_version, from_status, to_status from payment_history"
            + " where subject_kind = 'PAYMENT'",
        rs ->
            out.add(
                new Transition(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4))));
    return out;
  }

  /**
   * Rows in the ledger's tables, for the stall check: a number that grows while anything happens.
   */
  long changes() throws SQLException {
    long[] n = new long[1];
    query(
        "select (select count(*) from payment_history) + (select count(*) from payment)",
        rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  @Override
  public void close() {
    try {
      keeper.close();
    } catch (SQLException e) {
      // stopping anyway
    }
    server.stop();
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Row row) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(port()), "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        row.read(rs);
      }
    }
  }
}
