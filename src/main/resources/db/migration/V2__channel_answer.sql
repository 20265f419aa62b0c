-- What a channel last answered for a payment operation that the merchant needs next (Alipay's
-- qr_code, WeChat's code_url, ...): shown by GET /api/v1/payments/{id}. Not a status: statuses
-- live in payment and refund, with their history.
CREATE TABLE channel_answer (
  payment_id  VARCHAR(32)   NOT NULL,
  operation   VARCHAR(16)   NOT NULL,
  details     VARCHAR(4000) NOT NULL,
  answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_channel_answer PRIMARY KEY (payment_id, operation),
  CONSTRAINT fk_channel_answer_payment FOREIGN KEY (payment_id) REFERENCES payment (payment_id)
);
