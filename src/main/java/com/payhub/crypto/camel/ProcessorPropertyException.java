package com.payhub.crypto.camel;

/**
 * A processor bean of a route file lacks a property or has a wrong one (no credential, an unknown
 * algorithm, a credential without the key the operation needs), or its route does not set a header
 * the operation needs. Bean properties are checked when the route starts, so the hub refuses to
 * start; fix the route file or the credential, never retry the message.
 */
public class ProcessorPropertyException extends IllegalStateException {

  public ProcessorPropertyException(String message) {
    super(message);
  }
}
