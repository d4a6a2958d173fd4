#!/usr/bin/env python3
"""A standard SQLCipher 4 client (sqlcipher3-binary from PyPI, not Laoke's code) opens a Laoke
store given the raw key from `laoke rawkey`, and reads the customers the CLI wrote.

Usage: sqlcipher4_opens_store.py PATH_TO_LAOKE_BINARY
"""
import os
import subprocess
import sys
import tempfile

import sqlcipher3

laoke = sys.argv[1]
with tempfile.TemporaryDirectory() as d:
    env = dict(os.environ, LAOKE_DATA_DIR=d, LAOKE_PASSWORD="interop password 1", LAOKE_LANG="en")
    subprocess.run([laoke, "demo", "--customers", "250", "--seed", "3"], env=env, check=True, capture_output=True)
    pragma = subprocess.run([laoke, "rawkey"], env=env, check=True, capture_output=True, text=True).stdout.strip()
    assert pragma.startswith("PRAGMA key = \"x'"), "rawkey prints a PRAGMA key line"
    with open(os.path.join(d, "laoke.db"), "rb") as f:
        assert not f.read(16).startswith(b"SQLite format 3"), "the file has no plaintext SQLite header"
    con = sqlcipher3.connect(os.path.join(d, "laoke.db"))
    con.execute(pragma)
    version = con.execute("PRAGMA cipher_version").fetchone()[0]
    n = con.execute("SELECT count(*) FROM customers").fetchone()[0]
    name = con.execute("SELECT name FROM customers ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    assert n == 250, f"expected 250 customers, the SQLCipher client read {n}"
    wrong = sqlcipher3.connect(os.path.join(d, "laoke.db"))
    wrong.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
    try:
        wrong.execute("SELECT count(*) FROM customers").fetchone()
        raise AssertionError("a wrong raw key must not open the store")
    except sqlcipher3.DatabaseError:
        pass
    print(f"ok: SQLCipher {version} opened the store with the raw key, {n} customers, first: {name}")
