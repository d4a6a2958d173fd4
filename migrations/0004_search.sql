-- 0004 global search: one index for customer names, phone digits, platform nicks, emails,
-- WeChat ids and order numbers, kept current by triggers so that every writer (create, edit,
-- import, merge, erase, recycle bin, demo, a raw SQL fix) updates it without calling anything.
--
-- Three parts:
-- * search_terms: one row per searchable text of an *active* customer (not deleted, merged or
--   erased). src = source id * 8 + field code: 0 name, 1 email, 2 WeChat id (source id = the
--   customer id), 3 phone (customer_phones.id; stored as national digits, 13800138000), 4 nick
--   (customer_nicks.id). Rebuilt per customer from the view search_term_source.
-- * search_terms_fts / search_orders_fts: FTS5 trigram indexes (detail=none keeps them small;
--   the search code checks each candidate with instr) for queries of 3 or more characters.
-- * search_grams: every 1- and 2-character piece of names and nicks that holds a CJK character,
--   plus the first 1 and 2 characters of every non-phone term, so 张 and 张伟 are found although
--   trigrams need 3 characters. Ordered by (kind: 0 whole term, 1 start, 2 inside; rank: more
--   orders and a more recent last order first), so the best 20 are the first 20 index entries.

CREATE TABLE search_positions (i INTEGER PRIMARY KEY);
INSERT INTO search_positions (i)
SELECT a.d * 8 + b.d + 1
FROM (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3
      UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) a,
     (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3
      UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) b;

CREATE TABLE search_terms (
    src         INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX search_terms_customer ON search_terms(customer_id);
CREATE INDEX search_terms_lower ON search_terms(lower(text));

CREATE TABLE search_grams (
    gram        TEXT NOT NULL,
    kind        INTEGER NOT NULL,
    rank        INTEGER NOT NULL,
    customer_id INTEGER NOT NULL,
    src         INTEGER NOT NULL,
    PRIMARY KEY (gram, kind, rank, customer_id, src)
) WITHOUT ROWID;
CREATE INDEX search_grams_src ON search_grams(src);
CREATE INDEX search_grams_customer ON search_grams(customer_id);

CREATE VIRTUAL TABLE search_terms_fts USING fts5(
    text, content = 'search_terms', content_rowid = 'src', tokenize = 'trigram', detail = 'none'
);
CREATE VIRTUAL TABLE search_orders_fts USING fts5(
    order_no, content = 'orders', content_rowid = 'id', tokenize = 'trigram', detail = 'none'
);

-- What an active customer is found by.
CREATE VIEW search_term_source (src, customer_id, text) AS
    SELECT c.id * 8, c.id, trim(c.name) FROM customers c
     WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL
       AND trim(c.name) <> ''
    UNION ALL
    SELECT c.id * 8 + 1, c.id, trim(c.email) FROM customers c
     WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL
       AND trim(c.email) <> ''
    UNION ALL
    SELECT c.id * 8 + 2, c.id, trim(c.wechat_id) FROM customers c
     WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL
       AND trim(c.wechat_id) <> ''
    UNION ALL
    SELECT p.id * 8 + 3, c.id,
           CASE WHEN substr(p.phone, 1, 3) = '+86' THEN substr(p.phone, 4)
                ELSE ltrim(p.phone, '+') END
      FROM customer_phones p JOIN customers c ON c.id = p.customer_id
     WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL
    UNION ALL
    SELECT n.id * 8 + 4, c.id, trim(n.nick)
      FROM customer_nicks n JOIN customers c ON c.id = n.customer_id
     WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL
       AND trim(n.nick) <> '';

-- Smaller is better: -(orders * 100000 + day number of the last order).
CREATE VIEW search_customer_rank (customer_id, rank) AS
    SELECT customer_id,
           -(orders_count * 100000
             + coalesce(CAST(julianday(last_order_at) - 2440587.5 AS INTEGER), 0))
      FROM customer_stats;

-- A term's FTS row and its grams follow the term.
CREATE TRIGGER search_terms_ai AFTER INSERT ON search_terms BEGIN
    INSERT INTO search_terms_fts (rowid, text) VALUES (NEW.src, NEW.text);
    INSERT OR IGNORE INTO search_grams (gram, kind, rank, customer_id, src)
    SELECT g.gram,
           CASE WHEN g.gram = lower(NEW.text) THEN 0 WHEN g.i = 1 THEN 1 ELSE 2 END,
           coalesce((SELECT rank FROM search_customer_rank WHERE customer_id = NEW.customer_id), 0),
           NEW.customer_id, NEW.src
      FROM (SELECT p.i AS i, lower(substr(NEW.text, p.i, w.n)) AS gram, w.n AS n
              FROM search_positions p, (SELECT 1 AS n UNION ALL SELECT 2) w
             WHERE p.i <= length(NEW.text) AND p.i + w.n - 1 <= length(NEW.text)) g
     WHERE (NEW.src & 7) <> 3
       AND (g.i = 1
            OR ((NEW.src & 7) IN (0, 4)
                AND (unicode(substr(g.gram, 1, 1)) BETWEEN 13312 AND 40959
                     OR unicode(substr(g.gram, g.n, 1)) BETWEEN 13312 AND 40959)));
END;

CREATE TRIGGER search_terms_ad AFTER DELETE ON search_terms BEGIN
    INSERT INTO search_terms_fts (search_terms_fts, rowid, text) VALUES ('delete', OLD.src, OLD.text);
    DELETE FROM search_grams WHERE src = OLD.src;
END;

-- (Phone and nick triggers spell out the view's branch: a filter on the computed src could not
-- use an index.)

-- Customers: any change to what they are found by, or to whether they are active, re-derives
-- their terms (a handful of rows).
CREATE TRIGGER search_customers_ai AFTER INSERT ON customers BEGIN
    INSERT INTO search_terms (src, customer_id, text)
    SELECT src, customer_id, text FROM search_term_source WHERE customer_id = NEW.id;
END;

CREATE TRIGGER search_customers_au
AFTER UPDATE OF name, email, wechat_id, deleted_at, merged_into, erased_at ON customers BEGIN
    DELETE FROM search_terms WHERE customer_id = OLD.id;
    INSERT INTO search_terms (src, customer_id, text)
    SELECT src, customer_id, text FROM search_term_source WHERE customer_id = NEW.id;
END;

CREATE TRIGGER search_customers_ad AFTER DELETE ON customers BEGIN
    DELETE FROM search_terms WHERE customer_id = OLD.id;
END;

CREATE TRIGGER search_phones_ai AFTER INSERT ON customer_phones BEGIN
    INSERT INTO search_terms (src, customer_id, text)
    SELECT NEW.id * 8 + 3, c.id,
           CASE WHEN substr(NEW.phone, 1, 3) = '+86' THEN substr(NEW.phone, 4)
                ELSE ltrim(NEW.phone, '+') END
      FROM customers c WHERE c.id = NEW.customer_id AND c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL;
END;

CREATE TRIGGER search_phones_au AFTER UPDATE OF phone, customer_id ON customer_phones BEGIN
    DELETE FROM search_terms WHERE src = OLD.id * 8 + 3;
    INSERT INTO search_terms (src, customer_id, text)
    SELECT NEW.id * 8 + 3, c.id,
           CASE WHEN substr(NEW.phone, 1, 3) = '+86' THEN substr(NEW.phone, 4)
                ELSE ltrim(NEW.phone, '+') END
      FROM customers c WHERE c.id = NEW.customer_id AND c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL;
END;

CREATE TRIGGER search_phones_ad AFTER DELETE ON customer_phones BEGIN
    DELETE FROM search_terms WHERE src = OLD.id * 8 + 3;
END;

CREATE TRIGGER search_nicks_ai AFTER INSERT ON customer_nicks BEGIN
    INSERT INTO search_terms (src, customer_id, text)
    SELECT NEW.id * 8 + 4, c.id, trim(NEW.nick)
      FROM customers c WHERE c.id = NEW.customer_id AND c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL AND trim(NEW.nick) <> '';
END;

CREATE TRIGGER search_nicks_au AFTER UPDATE OF nick, customer_id ON customer_nicks BEGIN
    DELETE FROM search_terms WHERE src = OLD.id * 8 + 4;
    INSERT INTO search_terms (src, customer_id, text)
    SELECT NEW.id * 8 + 4, c.id, trim(NEW.nick)
      FROM customers c WHERE c.id = NEW.customer_id AND c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL AND trim(NEW.nick) <> '';
END;

CREATE TRIGGER search_nicks_ad AFTER DELETE ON customer_nicks BEGIN
    DELETE FROM search_terms WHERE src = OLD.id * 8 + 4;
END;

-- The ranking follows the purchase stats.
CREATE TRIGGER search_stats_ai AFTER INSERT ON customer_stats BEGIN
    UPDATE search_grams
       SET rank = (SELECT rank FROM search_customer_rank WHERE customer_id = NEW.customer_id)
     WHERE customer_id = NEW.customer_id;
END;

CREATE TRIGGER search_stats_au AFTER UPDATE ON customer_stats BEGIN
    UPDATE search_grams
       SET rank = (SELECT rank FROM search_customer_rank WHERE customer_id = NEW.customer_id)
     WHERE customer_id = NEW.customer_id;
END;

CREATE TRIGGER search_stats_ad AFTER DELETE ON customer_stats BEGIN
    UPDATE search_grams SET rank = 0 WHERE customer_id = OLD.customer_id;
END;

-- Orders: the order number index follows the orders table.
CREATE TRIGGER search_orders_ai AFTER INSERT ON orders BEGIN
    INSERT INTO search_orders_fts (rowid, order_no) VALUES (NEW.id, NEW.order_no);
END;

CREATE TRIGGER search_orders_au AFTER UPDATE OF order_no ON orders BEGIN
    INSERT INTO search_orders_fts (search_orders_fts, rowid, order_no)
    VALUES ('delete', OLD.id, OLD.order_no);
    INSERT INTO search_orders_fts (rowid, order_no) VALUES (NEW.id, NEW.order_no);
END;

CREATE TRIGGER search_orders_ad AFTER DELETE ON orders BEGIN
    INSERT INTO search_orders_fts (search_orders_fts, rowid, order_no)
    VALUES ('delete', OLD.id, OLD.order_no);
END;

-- Stores created before this migration: index what is there.
INSERT INTO search_terms (src, customer_id, text)
SELECT src, customer_id, text FROM search_term_source;
INSERT INTO search_orders_fts (search_orders_fts) VALUES ('rebuild');
