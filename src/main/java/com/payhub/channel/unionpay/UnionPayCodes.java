package com.payhub.channel.unionpay;

import java.util.Set;

/**
 * acp {@code respCode}/{@code origRespCode} classes (《平台接入接口规范-第5部分-附录》), read pessimistically:
 * only {@code 00} and {@code A6} are a success; {@code 03}/{@code 04}/{@code 05} say "not known
 * yet"; a failure is definitive only for the codes listed here, which say the transaction was
 * refused before any money moved. Every other code (including 12 duplicate, 42 and 74/75 "debited,
 * but …", 70 and 83 "still at the cardholder/issuer", 99 generic error, codes this list does not
 * know) leaves the money in doubt.
 */
final class UnionPayCodes {

  static final String NO_SUCH_TRANSACTION = "34";

  private static final Set<String> SUCCESS = Set.of("00", "A6");
  private static final Set<String> IN_PROCESS = Set.of("03", "04", "05");
  private static final Set<String> DEFINITIVE_FAILURE =
      Set.of(
          "01", "02", "06", "10", "11", "13", "14", "30", "31", "32", "33", "35", "36", "37", "38",
          "39", "40", "41", "43", "44", "45", "60", "61", "62", "63", "64", "65", "66", "67", "68",
          "69", "71", "72", "73", "76", "77", "78", "79", "80", "81", "82", "84");

  private UnionPayCodes() {}

  static boolean success(String code) {
    return code != null && SUCCESS.contains(code);
  }

  static boolean inProcess(String code) {
    return code == null || code.isBlank() || IN_PROCESS.contains(code);
  }

  static boolean definitiveFailure(String code) {
    return code != null && DEFINITIVE_FAILURE.contains(code);
  }
}
