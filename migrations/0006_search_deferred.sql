-- 0006 deferred search maintenance for bulk writers (the import).
--
-- The 0004 triggers keep the search index current row by row. For an import of a million
-- orders that is most of the work: every new customer's grams are written, then rewritten
-- twice more when its purchase stats are deleted and re-inserted, and every order goes to the
-- order-number index one at a time. A bulk writer may instead, INSIDE ITS OWN TRANSACTION, set
-- search_control.deferred = 1, write, and before committing call search::deferred, which
-- re-derives the terms of exactly the customers it touched and indexes the orders it created,
-- set-based, and sets deferred back to 0. The result is the same index the triggers would
-- have built; a rollback (error, cancel, dry run) restores deferred = 0 with everything else.
--
-- Only the triggers on the base tables wait; the triggers on search_terms (FTS + grams follow
-- the terms) always run, so the rebuild goes through them. Order-number edits and deletes
-- (search_orders_au/ad) never wait.

CREATE TABLE search_control (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    deferred INTEGER NOT NULL DEFAULT 0 CHECK (deferred IN (0, 1))
);
INSERT INTO search_control (id, deferred) VALUES (1, 0);

DROP TRIGGER search_customers_ai;
CREATE TRIGGER search_customers_ai
AFTER INSERT ON customers
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    INSERT INTO search_terms (src, customer_id, text)
    SELECT src, customer_id, text FROM search_term_source WHERE customer_id = NEW.id;
END;

DROP TRIGGER search_customers_au;
CREATE TRIGGER search_customers_au
AFTER UPDATE OF name, email, wechat_id, deleted_at, merged_into, erased_at ON customers
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    DELETE FROM search_terms WHERE customer_id = OLD.id;
    INSERT INTO search_terms (src, customer_id, text)
    SELECT src, customer_id, text FROM search_term_source WHERE customer_id = NEW.id;
END;

DROP TRIGGER search_customers_ad;
CREATE TRIGGER search_customers_ad
AFTER DELETE ON customers
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    DELETE FROM search_terms WHERE customer_id = OLD.id;
END;

DROP TRIGGER search_phones_ai;
CREATE TRIGGER search_phones_ai
AFTER INSERT ON customer_phones
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    INSERT INTO search_terms (src, customer_id, text)
    SELECT NEW.id * 8 + 3, c.id,
           CASE WHEN substr(NEW.phone, 1, 3) = '+86' THEN substr(NEW.phone, 4)
                ELSE ltrim(NEW.phone, '+') END
      FROM customers c WHERE c.id = NEW.customer_id AND c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL;
END;

DROP TRIGGER search_phones_au;
CREATE TRIGGER search_phones_au
AFTER UPDATE OF phone, customer_id ON customer_phones
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    DELETE FROM search_terms WHERE src = OLD.id * 8 + 3;
    INSERT INTO search_terms (src, customer_id, text)
    SELECT NEW.id * 8 + 3, c.id,
           CASE WHEN substr(NEW.phone, 1, 3) = '+86' THEN substr(NEW.phone, 4)
                ELSE ltrim(NEW.phone, '+') END
      FROM customers c WHERE c.id = NEW.customer_id AND c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL;
END;

DROP TRIGGER search_phones_ad;
CREATE TRIGGER search_phones_ad
AFTER DELETE ON customer_phones
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    DELETE FROM search_terms WHERE src = OLD.id * 8 + 3;
END;

DROP TRIGGER search_nicks_ai;
CREATE TRIGGER search_nicks_ai
AFTER INSERT ON customer_nicks
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    INSERT INTO search_terms (src, customer_id, text)
    SELECT NEW.id * 8 + 4, c.id, trim(NEW.nick)
      FROM customers c WHERE c.id = NEW.customer_id AND c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL AND trim(NEW.nick) <> '';
END;

DROP TRIGGER search_nicks_au;
CREATE TRIGGER search_nicks_au
AFTER UPDATE OF nick, customer_id ON customer_nicks
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    DELETE FROM search_terms WHERE src = OLD.id * 8 + 4;
    INSERT INTO search_terms (src, customer_id, text)
    SELECT NEW.id * 8 + 4, c.id, trim(NEW.nick)
      FROM customers c WHERE c.id = NEW.customer_id AND c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL AND trim(NEW.nick) <> '';
END;

DROP TRIGGER search_nicks_ad;
CREATE TRIGGER search_nicks_ad
AFTER DELETE ON customer_nicks
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    DELETE FROM search_terms WHERE src = OLD.id * 8 + 4;
END;

DROP TRIGGER search_stats_ai;
CREATE TRIGGER search_stats_ai
AFTER INSERT ON customer_stats
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    UPDATE search_grams
       SET rank = (SELECT rank FROM search_customer_rank WHERE customer_id = NEW.customer_id)
     WHERE customer_id = NEW.customer_id;
END;

DROP TRIGGER search_stats_au;
CREATE TRIGGER search_stats_au
AFTER UPDATE ON customer_stats
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    UPDATE search_grams
       SET rank = (SELECT rank FROM search_customer_rank WHERE customer_id = NEW.customer_id)
     WHERE customer_id = NEW.customer_id;
END;

DROP TRIGGER search_stats_ad;
CREATE TRIGGER search_stats_ad
AFTER DELETE ON customer_stats
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    UPDATE search_grams SET rank = 0 WHERE customer_id = OLD.customer_id;
END;

DROP TRIGGER search_orders_ai;
CREATE TRIGGER search_orders_ai
AFTER INSERT ON orders
WHEN (SELECT deferred FROM search_control WHERE id = 1) = 0 BEGIN
    INSERT INTO search_orders_fts (rowid, order_no) VALUES (NEW.id, NEW.order_no);
END;
