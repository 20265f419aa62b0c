package com.payhub.sandbox.wechatpay;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * What the sandbox answers one request with, before it is signed.
 *
 * @param status the HTTP status
 * @param body the JSON body; null for 204
 * @param signing who signs it
 * @param delay how long to wait before answering (SLOW, TIMEOUT)
 */
record WechatPaySandboxAnswer(int status, ObjectNode body, Signing signing, Duration delay) {

  /** Who signs an answer: the platform key, a key the hub does not trust, or nobody. */
  enum Signing {
    PLATFORM,
    STRANGER,
    NONE
  }

  static WechatPaySandboxAnswer ok(ObjectNode body) {
    return new WechatPaySandboxAnswer(200, body, Signing.PLATFORM, Duration.ZERO);
  }

  static WechatPaySandboxAnswer noContent() {
    return new WechatPaySandboxAnswer(204, null, Signing.PLATFORM, Duration.ZERO);
  }

  /** A business error as WeChat Pay signs it: {@code {"code":…,"message":…}}. */
  static WechatPaySandboxAnswer error(int status, String code, String message) {
    return new WechatPaySandboxAnswer(
        status, errorBody(code, message), Signing.PLATFORM, Duration.ZERO);
  }

  /** An error WeChat Pay does not sign: 401 SIGN_ERROR, 5xx. */
  static WechatPaySandboxAnswer unsigned(int status, String code, String message) {
    return new WechatPaySandboxAnswer(
        status, errorBody(code, message), Signing.NONE, Duration.ZERO);
  }

  WechatPaySandboxAnswer signedBy(Signing by) {
    return new WechatPaySandboxAnswer(status, body, by, delay);
  }

  WechatPaySandboxAnswer after(Duration wait) {
    return new WechatPaySandboxAnswer(status, body, signing, wait);
  }

  private static ObjectNode errorBody(String code, String message) {
    return JsonNodeFactory.instance.objectNode().put("code", code).put("message", message);
  }
}
