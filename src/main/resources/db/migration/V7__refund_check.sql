-- The janitor's schedule for refunds that wait too long for a final answer, as payment_check is
-- for payments: how many times the channel was asked about the refund, and when to ask next. A
-- refund without a row has not been checked yet. (V6 is the outbox.)
CREATE TABLE refund_check (
  refund_id     VARCHAR(32) NOT NULL,
  checks        INTEGER     NOT NULL,
  next_check_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_refund_check PRIMARY KEY (refund_id),
  CONSTRAINT fk_refund_check_refund FOREIGN KEY (refund_id) REFERENCES refund (refund_id)
);

-- the janitor looks for open refunds by status and age
CREATE INDEX ix_refund_status_updated ON refund (status, updated_at);
