-- Service desk (issue 5): tickets with an append-only timeline, SLA pauses, resolutions with CSAT
-- and compensation, the shop's holiday calendar edits, reply templates (话术) and the follow-up
-- log. SLA due times are stored on the ticket (recomputed on every change) so the queues are
-- index range scans, not per-row business-hour arithmetic.

CREATE TABLE tickets (
    id                      INTEGER PRIMARY KEY,
    customer_id             INTEGER NOT NULL REFERENCES customers(id),
    order_id                INTEGER REFERENCES orders(id),
    type                    TEXT NOT NULL CHECK (type IN
                                ('complaint', 'return_refund', 'inquiry', 'suggestion', 'praise')),
    channel                 TEXT NOT NULL CHECK (channel IN
                                ('phone', 'wechat', 'wangwang', 'in_store', 'email')),
    priority                TEXT NOT NULL CHECK (priority IN ('p1', 'p2', 'p3')),
    state                   TEXT NOT NULL CHECK (state IN
                                ('new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed', 'merged')),
    is_open                 INTEGER NOT NULL DEFAULT 1,   -- new/assigned/in_progress/waiting
    subject                 TEXT NOT NULL,
    description             TEXT NOT NULL DEFAULT '',
    assignee_id             INTEGER REFERENCES users(id),
    created_by              TEXT NOT NULL,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    first_response_at       TEXT,
    resolved_at             TEXT,
    closed_at               TEXT,
    merged_into             INTEGER REFERENCES tickets(id),
    -- SLA, recomputed by the core on every change; NULL = stopped or paused
    first_response_due_at   TEXT,
    resolution_due_at       TEXT,
    resolution_warn_at      TEXT,                          -- 75 % of the resolution window
    sla_due_at              TEXT,                          -- the earlier running due time (queues)
    sla_warn_at             TEXT,                          -- the earlier running 75 % point
    first_response_breached INTEGER NOT NULL DEFAULT 0,    -- kept after reopen
    resolution_breached     INTEGER NOT NULL DEFAULT 0,    -- kept after reopen
    breached                INTEGER NOT NULL DEFAULT 0,    -- either flag (for the queue index)
    -- resolution
    csat                    INTEGER CHECK (csat BETWEEN 1 AND 5),
    csat_reason             TEXT,
    root_cause              TEXT,
    resolution_note         TEXT
);
CREATE INDEX tickets_updated ON tickets(updated_at);
CREATE INDEX tickets_customer ON tickets(customer_id, created_at);
CREATE INDEX tickets_open_assignee ON tickets(assignee_id, updated_at) WHERE is_open = 1;
CREATE INDEX tickets_unassigned ON tickets(updated_at) WHERE is_open = 1 AND assignee_id IS NULL;
CREATE INDEX tickets_waiting ON tickets(updated_at) WHERE state = 'waiting';
CREATE INDEX tickets_sla_due ON tickets(sla_due_at) WHERE is_open = 1 AND sla_due_at IS NOT NULL;
CREATE INDEX tickets_sla_warn ON tickets(sla_warn_at) WHERE is_open = 1 AND sla_warn_at IS NOT NULL;
CREATE INDEX tickets_open_breached ON tickets(updated_at, sla_due_at) WHERE is_open = 1 AND breached = 1;
CREATE INDEX tickets_open_assignee_due ON tickets(assignee_id, coalesce(sla_due_at, '~'), id)
    WHERE is_open = 1;
CREATE INDEX tickets_resolved ON tickets(resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX tickets_created ON tickets(created_at);
-- Sorting any queue by due time ('~' after every timestamp: no due time last) or priority.
CREATE INDEX tickets_due_order ON tickets(coalesce(sla_due_at, '~'), id);
CREATE INDEX tickets_priority_order ON tickets(priority, updated_at, id);

CREATE TABLE ticket_tags (
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
) WITHOUT ROWID;
CREATE INDEX ticket_tags_tag ON ticket_tags(tag);

-- The timeline: append-only (like the audit log), except that erasing a customer's personal
-- data may blank an entry's text (body, detail) — nothing else about it can change.
CREATE TABLE ticket_events (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    kind        TEXT NOT NULL CHECK (kind IN
                    ('created', 'note', 'call', 'message', 'state', 'assignee', 'resolution', 'merge')),
    at          TEXT NOT NULL,
    actor_id    INTEGER,
    actor_name  TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '{}'             -- JSON: from/to states, assignees, merged ids
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);
CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
WHEN NOT (NEW.body = '' AND (NEW.detail = OLD.detail OR NEW.detail = '{}') AND NEW.id = OLD.id
          AND NEW.ticket_id = OLD.ticket_id AND NEW.kind = OLD.kind AND NEW.at = OLD.at
          AND NEW.actor_id IS OLD.actor_id AND NEW.actor_name = OLD.actor_name)
BEGIN SELECT RAISE(ABORT, 'ticket timeline is append-only'); END;
CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
BEGIN SELECT RAISE(ABORT, 'ticket timeline is append-only'); END;

-- Intervals the SLA clocks stand still (waiting on the customer; resolved until reopened).
CREATE TABLE ticket_pauses (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    from_at     TEXT NOT NULL,
    to_at       TEXT
);
CREATE INDEX ticket_pauses_ticket ON ticket_pauses(ticket_id, from_at);

CREATE TABLE ticket_compensations (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    kind        TEXT NOT NULL CHECK (kind IN ('refund_note', 'points', 'coupon')),
    amount_fen  INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
    note        TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL,
    actor_name  TEXT NOT NULL
);
CREATE INDEX ticket_compensations_ticket ON ticket_compensations(ticket_id);
CREATE INDEX ticket_compensations_at ON ticket_compensations(at);

-- The shop's edits to the official calendar (shipped in the binary): a date made a holiday, a
-- working day (调休), or 'normal' (an official entry removed).
CREATE TABLE sla_calendar (
    day         TEXT PRIMARY KEY,                      -- YYYY-MM-DD, shop-local
    kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'workday', 'normal')),
    name        TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) WITHOUT ROWID;

-- Reply / script templates (话术) with placeholders such as {姓名} {订单号} {工单号}.
CREATE TABLE reply_templates (
    id          INTEGER PRIMARY KEY,
    lang        TEXT NOT NULL CHECK (lang IN ('zh-CN', 'en')),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
INSERT INTO reply_templates (lang, title, body, created_at, updated_at) VALUES
 ('zh-CN', '首次回复', '{姓名}您好，我是{店铺}的客服{客服}。您反馈的问题（工单号 {工单号}）我们已经收到，会尽快为您处理。', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
 ('zh-CN', '致歉与补偿', '{姓名}您好，非常抱歉订单 {订单号} 给您带来不便。我们为您准备了补偿，请查收。', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
 ('zh-CN', '投诉回访', '{姓名}您好，我是{店铺}的{客服}。关于工单 {工单号}，想了解一下问题是否已经解决，您对处理结果满意吗？', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
 ('zh-CN', '催付提醒', '{姓名}您好，您在{店铺}拍下的订单 {订单号} 还未付款，库存有限，付款后我们会尽快发货哦。', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
 ('en', 'First reply', 'Hello {name}, this is {agent} from {shop}. We have received your request (ticket {ticket}) and will handle it as soon as possible.', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
 ('en', 'Apology and compensation', 'Hello {name}, we are very sorry for the trouble with order {order}. We have arranged a compensation for you.', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
 ('en', 'Complaint follow-up', 'Hello {name}, this is {agent} from {shop}. About ticket {ticket}: is the problem solved, and are you happy with the result?', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
 ('en', 'Payment reminder', 'Hello {name}, your order {order} at {shop} is not paid yet. Stock is limited; we ship as soon as it is paid.', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z');

-- The follow-up log on every customer (回访, 关怀, 催付, 召回, 生日).
CREATE TABLE follow_ups (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customers(id),
    kind            TEXT NOT NULL CHECK (kind IN ('revisit', 'care', 'payment', 'winback', 'birthday')),
    channel         TEXT NOT NULL CHECK (channel IN ('phone', 'wechat', 'wangwang', 'in_store', 'email', 'sms')),
    outcome         TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'declined', 'done')),
    notes           TEXT NOT NULL DEFAULT '',
    ticket_id       INTEGER REFERENCES tickets(id),
    order_id        INTEGER REFERENCES orders(id),
    next_contact_on TEXT,                              -- shop day YYYY-MM-DD
    superseded      INTEGER NOT NULL DEFAULT 0,        -- a later follow-up of the customer exists
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX follow_ups_customer ON follow_ups(customer_id, created_at);
CREATE INDEX follow_ups_due ON follow_ups(next_contact_on, customer_id)
    WHERE next_contact_on IS NOT NULL AND superseded = 0;
CREATE INDEX follow_ups_order ON follow_ups(order_id, created_at) WHERE order_id IS NOT NULL;

-- The due list's unpaid orders and birthdays.
CREATE INDEX customers_inactive ON customers(id)
    WHERE deleted_at IS NOT NULL OR merged_into IS NOT NULL OR erased_at IS NOT NULL;
CREATE INDEX orders_unpaid ON orders(ordered_at) WHERE status = 'unpaid';
CREATE INDEX customers_birthday_md ON customers(substr(birthday, -5))
    WHERE birthday IS NOT NULL AND deleted_at IS NULL;
