#!/usr/bin/env python3
"""The floor under `laoke bench import`: the SQL work alone of loading 200k customers, 1M orders
and 3M items into Laoke's real schema, with nothing from the importer (no file, no parsing, no
matching, no undo records, no search index, no stats): one INSERT ... SELECT per table from a
recursive CTE, the same connection settings as the app (SQLCipher with the raw key, WAL,
synchronous FULL, 256 MiB cache, temp_store MEMORY, foreign keys on), one transaction, and the
orders indexes dropped first and built after (what the import's bulk mode does).

It answers "how fast could a 1M-row import be with this schema on this machine?".

    pip install sqlcipher3-binary
    LAOKE_PASSWORD='floor password 1' laoke --data-dir /tmp/floor init --owner owner
    LAOKE_PASSWORD='floor password 1' laoke --data-dir /tmp/floor rawkey | tail -1 > /tmp/floor.key
    python3 scripts/bench/import_floor.py /tmp/floor/laoke.db 4096 /tmp/floor.key

The generated rows cost CPU of their own (strftime/printf: about 6.6 s of the orders step on
the development machine); subtract it, or compare runs with each other only. The key file holds
the PRAGMA key line: delete it afterwards.
"""
import time, os, resource, sys
DB = sys.argv[1]
PS = int(sys.argv[2])
KEY = sys.argv[3]
from sqlcipher3 import dbapi2 as sq
c = sq.connect(DB, isolation_level=None)
c.execute(open(KEY).read().strip().rstrip(';'))
if PS!=4096: c.execute(f'PRAGMA cipher_page_size={PS}')
for p in ["temp_store=MEMORY","journal_mode=WAL","synchronous=FULL","foreign_keys=ON","cache_size=-262144"]:
    c.execute("PRAGMA "+p).fetchall()
def cpu():
    r=resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime+r.ru_stime
GENERATED = []


def step(name, sql):
    if "WITH RECURSIVE" in sql and "INSERT INTO" in sql:
        GENERATED.append((name, sql))
    t = time.perf_counter()
    u = cpu()
    c.execute(sql).fetchall()
    print(f"{name:40s} wall {time.perf_counter()-t:6.2f} s  cpu {cpu()-u:6.2f} s", flush=True)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE search_control SET deferred = 1 WHERE id = 1")
idx = [r for r in c.execute("select name, sql from sqlite_master where type='index' and name in ('orders_customer','orders_list_ordered','orders_list_paid','orders_list_channel','orders_no','orders_unpaid')")]
for n,_ in idx: c.execute(f"DROP INDEX {n}")
T0 = time.perf_counter()
U0 = cpu()
step("customers 200k", """WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<200000)
 INSERT INTO customers (id, name, province, city, address, created_at, updated_at)
 SELECT i, '张' || char(19968 + i % 5000) || char(19968 + (i*7) % 5000), '浙江', '杭州', '西湖区文三路' || i || '号', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM s""")
step("orders 1M", """WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i<1000000)
 INSERT INTO orders (id, customer_id, channel, order_no, status, ordered_at, paid_at, goods_fen, paid_fen, buyer_nick, receiver_name, receiver_phone, receiver_address, created_by, created_at, updated_at)
 SELECT i, 1 + (i*7919) % 200000, 'taobao', printf('%018d', 3000000000000000 + i*104729), 'completed',
   strftime('%Y-%m-%dT%H:%M:%SZ', 1600000000 + (i * 97) % 170000000, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%SZ', 1600000100 + (i * 97) % 170000000, 'unixepoch'),
   10000 + i % 50000, 10000 + i % 50000, 'tb_nick_' || (i*7919) % 200000, '张三', '+86138' || printf('%08d', i % 100000000), '浙江省 杭州市 西湖区 文三路' || i % 1000 || '号', 'import', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM s""")
step("items 3M", """WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM s WHERE i<2999999)
 INSERT INTO order_items (order_id, position, product_id, product_name, sku, category, quantity, unit_price_fen)
 SELECT 1 + i/3, i%3, NULL, '西湖龙井明前特级绿茶礼盒装250g' || (i % 500), '', '茶叶', 1, 3000 FROM s""")
for n,sql in idx: step("index "+n, sql)
step("commit", "COMMIT")
print(f"{'TOTAL':40s} wall {time.perf_counter()-T0:6.2f} s  cpu {cpu()-U0:6.2f} s")
# What generating the rows costs by itself (to subtract from the INSERT steps above): the same
# SELECTs written into a plain in-memory temp table (no index, constraint or encryption).
for i, (name, sql) in enumerate(GENERATED):
    body = sql.split("INSERT INTO", 1)[1].split(")", 1)[1]
    with_clause = sql.split("INSERT INTO", 1)[0]
    step("(generating " + name + " alone)", f"CREATE TEMP TABLE gen{i} AS {with_clause} {body.strip()}")
