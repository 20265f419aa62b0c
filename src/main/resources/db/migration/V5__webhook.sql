-- Per-merchant webhooks: one delivery per event and merchant, each attempt recorded.
CREATE TABLE webhook_delivery (
  delivery_id  VARCHAR(32)   NOT NULL,
  merchant_id  VARCHAR(64)   NOT NULL,
  event_key    VARCHAR(128)  NOT NULL,
  payment_id   VARCHAR(32)   NOT NULL,
  body         VARCHAR(8000) NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  attempts     INTEGER       NOT NULL,
  next_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_webhook_delivery PRIMARY KEY (delivery_id),
  -- an event that reaches the hub twice (a redelivery) is delivered once
  CONSTRAINT uq_webhook_delivery_event UNIQUE (merchant_id, event_key)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_at);

CREATE TABLE webhook_attempt (
  delivery_id  VARCHAR(32)   NOT NULL,
  attempt_no   INTEGER       NOT NULL,
  attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  http_status  INTEGER,
  error        VARCHAR(256),
  CONSTRAINT pk_webhook_attempt PRIMARY KEY (delivery_id, attempt_no),
  CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id)
    REFERENCES webhook_delivery (delivery_id)
);
