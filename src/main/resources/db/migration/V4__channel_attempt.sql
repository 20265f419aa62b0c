-- Each dispatched order an adapter is about to send to its channel: the first attempt is the only
-- one that may move money; a redelivered order finds its row and asks the channel instead.
CREATE TABLE channel_attempt (
  order_id      VARCHAR(32) NOT NULL,
  operation     VARCHAR(16) NOT NULL,
  attempts      INTEGER     NOT NULL,
  first_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  last_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_channel_attempt PRIMARY KEY (order_id)
);
