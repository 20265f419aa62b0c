package com.payhub.normalize;

import com.payhub.model.Channel;
import com.payhub.model.Dialect;
import com.payhub.model.Money;
import com.payhub.model.Operation;
import com.payhub.model.PaymentOrder;
import com.payhub.model.RejectReason;
import com.payhub.model.RejectedInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Normalises UnionPay online gateway (acp 5.0.0/5.1.0) form requests. The operation comes from
 * {@code txnType}; the operation hint is ignored. Signature fields are dropped (they are checked
 * before normalisation); every other non-blank field that is not mapped to a canonical field is
 * kept in the attributes under its own name (e.g. {@code txnTime}, {@code txnSubType}, {@code
 * bizType}, {@code channelType}, {@code accessType}, {@code frontUrl}, {@code orderDesc}). Order
 * number format rules are the validator's; here orderId only has to be present.
 */
@Component
public class UnionPayNormalizer implements Normalizer {

  static final Set<String> VERSIONS = Set.of("5.1.0", "5.0.0");

  /** Never kept: the signature is checked elsewhere, before normalisation. */
  static final Set<String> SIGNATURE_FIELDS =
      Set.of("signature", "signPubKeyCert", "certId", "signMethod");

  @Override
  public Dialect dialect() {
    return Dialect.UNIONPAY;
  }

  @Override
  public PaymentOrder normalize(InboundMessage message) {
    String start = message.body().stripLeading();
    if (message.isJson() || start.startsWith("{") || start.startsWith("[") || !message.isForm()) {
      throw RejectedInputException.of(
          Dialect.UNIONPAY,
          RejectReason.UNSUPPORTED_MEDIA_TYPE,
          "body",
          "UnionPay acp requests must be application/x-www-form-urlencoded form fields");
    }
    Map<String, String> form = FormBody.parse(Dialect.UNIONPAY, message.body());
    FieldErrors errors = new FieldErrors(Dialect.UNIONPAY);
    UnionPayFields f = new UnionPayFields(form, errors);

    String version = f.required("version");
    if (version != null && !VERSIONS.contains(version)) {
      errors.add(
          "version",
          RejectReason.INVALID_FIELD,
          "'version' must be 5.1.0 or 5.0.0, was '" + version + "'");
    }
    String encoding = f.optional("encoding");
    if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
      errors.add(
          "encoding",
          RejectReason.INVALID_FIELD,
          "'encoding' must be UTF-8, was '" + encoding + "'");
    }
    String txnType = f.required("txnType");
    f.required("txnSubType");
    f.required("bizType");
    String merId = f.takeRequired("merId");
    f.txnTime();

    Operation op = txnType == null ? null : operation(txnType);
    if (op == null) {
      if (txnType != null) {
        errors.add(
            "txnType",
            RejectReason.UNSUPPORTED_OPERATION,
            "'txnType' "
                + txnType
                + " is not supported; expected 01 (consume), 00 (query), 04 (refund) or 31 (cancel)");
      }
      errors.throwIfAny();
    }

    String orderNo = null;
    String refundNo = null;
    String channelTransactionId = null;
    Money amount = null;
    String subject = null;
    String notifyUrl = f.take("backUrl");
    switch (op) {
      case PAY -> {
        orderNo = f.takeRequired("orderId");
        amount = f.amount();
        errors.require("backUrl", notifyUrl);
        subject = f.optional("orderDesc");
      }
      case QUERY -> {
        orderNo = f.take("orderId");
        channelTransactionId = f.take("queryId");
        if (orderNo == null && channelTransactionId == null) {
          errors.add(
              "orderId",
              RejectReason.MISSING_FIELD,
              "'orderId' (with the original 'txnTime') or 'queryId' is required");
        }
      }
      case REFUND, CLOSE -> {
        refundNo = f.takeRequired("orderId");
        channelTransactionId = f.takeRequired("origQryId");
        amount = f.amount();
      }
      default -> throw new IllegalStateException("unhandled operation " + op);
    }
    errors.throwIfAny();

    Map<String, String> attributes = new LinkedHashMap<>();
    form.forEach(
        (key, value) -> {
          if (!value.isBlank() && !SIGNATURE_FIELDS.contains(key) && !f.consumed().contains(key)) {
            attributes.put(key, value);
          }
        });
    return new PaymentOrder(
        null,
        merId,
        orderNo,
        Channel.UNIONPAY,
        op,
        amount,
        subject,
        refundNo,
        channelTransactionId,
        notifyUrl,
        attributes,
        Dialect.UNIONPAY,
        null);
  }

  /** acp txnType to operation, or null when PayHub does not support it. */
  static Operation operation(String txnType) {
    return switch (txnType) {
      case "01" -> Operation.PAY; // consume
      case "00" -> Operation.QUERY; // transaction status query
      case "04" -> Operation.REFUND; // refund (退货)
      case "31" -> Operation.CLOSE; // acp has no close: 31 (consume cancellation) is its nearest
      default -> null;
    };
  }
}
