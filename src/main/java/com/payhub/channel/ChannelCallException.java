package com.payhub.channel;

/**
 * The gateway's answer cannot be used: an HTTP error status, a body that is not the channel's
 * format, or a response for another request. The adapters' route configuration ({@code
 * channel-call-errors}) turns it into a PENDING outcome with {@link #code()} kept: the request may
 * or may not have taken effect at the channel, so only a later query or notification decides.
 */
public class ChannelCallException extends RuntimeException {

  private final String code;

  public ChannelCallException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
