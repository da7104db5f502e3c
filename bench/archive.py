#!/usr/bin/env python3
"""Fills a Loa archive (made by `loa run`, so its schema is Loa's own) with N delivered posts for the export
benchmark: N/100 announcements x 100 channels, each delivery sent with one attempt and four figures."""
import hashlib
import sqlite3
import sys

path, count = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
announcements = max(1, count // 100)
text = "Thông báo sinh hoạt chính trị chuyên đề tháng 12 của Thành đoàn Cần Thơ. " * 20
db.execute("INSERT OR IGNORE INTO variants (id, text, length) VALUES ('v1', ?, ?)", (text, len(text)))
rows_a, rows_d, rows_t, rows_s = [], [], [], []
n = 0
for a in range(announcements):
    aid = f"bench-{a:05d}"
    when = f"2026-{1 + a % 12:02d}-{1 + a % 28:02d} 01:00:00.000"
    rows_a.append((aid, 1, "h", f"Thông báo số {a} – “3 chủ động”, cách làm hay", "policy-update",
                   "Ban Thường vụ Thành đoàn Cần Thơ", when, None, f"https://thanhdoancantho.example/{a}",
                   f"queue/{aid}.md", when, when))
    for c in range(100):
        if n == count:
            break
        did = "msg_" + hashlib.sha256(f"{aid}\0{1}\0ch-{c:03d}".encode()).hexdigest()[:32]
        rows_d.append((did, aid, 1, f"ch-{c:03d}", "facebook", "webhook", "sent", when, None, 1, 0, "h", "v1",
                       f"1_{n}", f"https://facebook.com/1_{n}", None, when, when, when, 1))
        rows_t.append((did, 1, f"ch-{c:03d}", "https://bridge.example/h", when, when, 12.5, 200,
                       '{"content-type":"application/json"}', '{"id":"1_2"}', f"1_{n}",
                       f"https://facebook.com/1_{n}", "sent", None, None, None))
        for metric, value in (("reactions", n % 97), ("comments", n % 13), ("shares", n % 7), ("views", n % 1000)):
            rows_s.append((did, metric, value, when, "bridge"))
        n += 1
db.executemany("INSERT INTO announcements VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows_a)
db.executemany(
    "INSERT INTO deliveries (id, announcement_id, revision, channel, platform, transport, status, due_at, "
    "next_attempt_at, attempt_count, backoff_step, content_hash, variant_id, remote_id, remote_url, note, sent_at, "
    "created_at, updated_at, tries) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows_d)
db.executemany(
    "INSERT INTO attempts (delivery_id, number, channel, url, started_at, finished_at, duration_ms, http_status, "
    "response_headers, response_body, remote_id, remote_url, outcome, error_class, error_message, next_attempt_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows_t)
db.executemany("INSERT INTO engagement_snapshots (delivery_id, metric, value, taken_at, source) VALUES (?,?,?,?,?)",
               rows_s)
db.commit()
print(f"{n} deliveries, {len(rows_t)} attempts, {len(rows_s)} figures")
