-- The transactional outbox: every message the hub owes the broker because the ledger changed (an
-- order for a channel queue, an event for payments.events) is written here in the same database
-- transaction as that change, then sent by the relay (com.payhub.outbox.OutboxRelay) and deleted.
-- A crash between the commit and the send loses nothing: the row is still here. A crash between
-- the send and the delete sends it again with the same dedupe_id, which the broker's duplicate
-- detection (_AMQ_DUPL_ID) drops.
CREATE TABLE outbox (
  outbox_id     VARCHAR(32)     NOT NULL,
  dedupe_id     VARCHAR(128)    NOT NULL,
  -- QUEUE or TOPIC, and its name
  kind          VARCHAR(8)      NOT NULL,
  address       VARCHAR(128)    NOT NULL,
  -- the message's string properties, a JSON object
  headers       VARCHAR(4000)   NOT NULL,
  body          VARCHAR(100000) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  -- a relay (one per hub replica) claims a batch until claimed_until, so replicas share the work
  claim         VARCHAR(32),
  claimed_until TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pk_outbox PRIMARY KEY (outbox_id),
  CONSTRAINT uq_outbox_dedupe UNIQUE (dedupe_id)
);
CREATE INDEX ix_outbox_created ON outbox (created_at, outbox_id);
CREATE INDEX ix_outbox_claim ON outbox (claim);
