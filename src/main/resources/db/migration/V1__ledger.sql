-- PayHub ledger. Portable SQL: runs unchanged on H2 2.x in its default mode (the embedded file
-- database) and on PostgreSQL 15. Every id is issued by the application: no SERIAL, IDENTITY or
-- sequence, whose syntax differs between the two. Timestamps are UTC instants.

-- One row per merchant payment order (operation PAY); QUERY and CLOSE act on these rows.
CREATE TABLE payment (
  payment_id        VARCHAR(32)  NOT NULL,
  merchant_id       VARCHAR(64)  NOT NULL,
  merchant_order_no VARCHAR(64)  NOT NULL,
  channel           VARCHAR(16)  NOT NULL,
  operation         VARCHAR(8)   NOT NULL,
  amount_minor      BIGINT       NOT NULL,
  currency          CHAR(3)      NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  channel_txn_id    VARCHAR(64),
  channel_code      VARCHAR(64),
  channel_message   VARCHAR(256),
  source_dialect    VARCHAR(16)  NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  version           BIGINT       NOT NULL,
  CONSTRAINT pk_payment PRIMARY KEY (payment_id),
  -- the idempotency guard: a merchant order is taken once, however often it is submitted
  CONSTRAINT uq_payment_merchant_order UNIQUE (merchant_id, merchant_order_no),
  -- a channel never issues one transaction id for two payments (NULLs are distinct)
  CONSTRAINT uq_payment_channel_txn UNIQUE (channel, channel_txn_id),
  CONSTRAINT ck_payment_operation CHECK (operation = 'PAY'),
  CONSTRAINT ck_payment_amount CHECK (amount_minor > 0),
  CONSTRAINT ck_payment_status CHECK (status IN ('RECEIVED', 'DISPATCHED', 'PENDING',
    'SUCCEEDED', 'FAILED', 'CLOSED', 'REFUNDED', 'NEEDS_REVIEW'))
);

-- One row per merchant refund request, linked to the payment it refunds.
CREATE TABLE refund (
  refund_id         VARCHAR(32)  NOT NULL,
  payment_id        VARCHAR(32)  NOT NULL,
  merchant_id       VARCHAR(64)  NOT NULL,
  refund_no         VARCHAR(64)  NOT NULL,
  amount_minor      BIGINT       NOT NULL,
  currency          CHAR(3)      NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  channel_refund_id VARCHAR(64),
  channel_code      VARCHAR(64),
  channel_message   VARCHAR(256),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  version           BIGINT       NOT NULL,
  CONSTRAINT pk_refund PRIMARY KEY (refund_id),
  CONSTRAINT fk_refund_payment FOREIGN KEY (payment_id) REFERENCES payment (payment_id),
  CONSTRAINT uq_refund_merchant_no UNIQUE (merchant_id, refund_no),
  CONSTRAINT ck_refund_amount CHECK (amount_minor > 0),
  CONSTRAINT ck_refund_status CHECK (status IN ('RECEIVED', 'DISPATCHED', 'PENDING',
    'SUCCEEDED', 'FAILED', 'NEEDS_REVIEW'))
);
CREATE INDEX ix_refund_payment ON refund (payment_id);

-- Append-only: one row per applied status change of a payment or of one of its refunds.
-- subject_version is the subject's version after the change, so a subject's rows are totally
-- ordered and two writers can never both record "the" change from one version.
CREATE TABLE payment_history (
  history_id      VARCHAR(32)  NOT NULL,
  payment_id      VARCHAR(32)  NOT NULL,
  subject_kind    VARCHAR(8)   NOT NULL,
  subject_id      VARCHAR(32)  NOT NULL,
  subject_version BIGINT       NOT NULL,
  from_status     VARCHAR(16),
  to_status       VARCHAR(16)  NOT NULL,
  cause           VARCHAR(128) NOT NULL,
  detail          VARCHAR(256),
  occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_payment_history PRIMARY KEY (history_id),
  CONSTRAINT fk_history_payment FOREIGN KEY (payment_id) REFERENCES payment (payment_id),
  CONSTRAINT uq_history_subject_version UNIQUE (subject_kind, subject_id, subject_version),
  CONSTRAINT ck_history_kind CHECK (subject_kind IN ('PAYMENT', 'REFUND'))
);
CREATE INDEX ix_history_payment ON payment_history (payment_id);

-- Append-only: status changes the state machine refused (e.g. a late PENDING after SUCCEEDED).
-- Written in its own transaction so the record survives the caller's rollback; no foreign key,
-- so that write never waits on a lock the caller holds on the payment row.
CREATE TABLE refused_transition (
  refused_id   VARCHAR(32)  NOT NULL,
  payment_id   VARCHAR(32)  NOT NULL,
  subject_kind VARCHAR(8)   NOT NULL,
  subject_id   VARCHAR(32)  NOT NULL,
  from_status  VARCHAR(16)  NOT NULL,
  to_status    VARCHAR(16)  NOT NULL,
  cause        VARCHAR(128) NOT NULL,
  detail       VARCHAR(256),
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_refused_transition PRIMARY KEY (refused_id),
  CONSTRAINT ck_refused_kind CHECK (subject_kind IN ('PAYMENT', 'REFUND'))
);
CREATE INDEX ix_refused_payment ON refused_transition (payment_id);

-- Channel notifications already processed: the primary key is the de-duplication.
CREATE TABLE notification_inbox (
  channel         VARCHAR(16)  NOT NULL,
  notification_id VARCHAR(128) NOT NULL,
  payment_id      VARCHAR(32),
  received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_notification_inbox PRIMARY KEY (channel, notification_id)
);
