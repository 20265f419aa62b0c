-- The janitor's schedule for payments that wait too long for a final answer: how many times the
-- channel was asked, and when to ask next. A payment without a row has not been checked yet.
CREATE TABLE payment_check (
  payment_id    VARCHAR(32) NOT NULL,
  checks        INTEGER     NOT NULL,
  next_check_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_payment_check PRIMARY KEY (payment_id),
  CONSTRAINT fk_payment_check_payment FOREIGN KEY (payment_id) REFERENCES payment (payment_id)
);

-- the janitor looks for open payments by status and age
CREATE INDEX ix_payment_status_updated ON payment (status, updated_at);
