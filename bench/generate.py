#!/usr/bin/env python3
"""Generates the benchmark's workspaces and the curl baseline's requests.

fanout: a workspace of N announcements x M webhook channels (realistic Vietnamese bodies of about 1.5 KB),
        and a curl config that sends the same signed POSTs Loa sends, for `curl --parallel`.
idle:   a workspace with N announcement files on one channel (delivered once by the benchmark, then idle),
        and the same workspace with an empty queue.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

SECRET_KEY = bytes((i * 37 + 11) % 251 for i in range(32))
SECRET = "whsec_" + base64.b64encode(SECRET_KEY).decode()

PARAGRAPHS = [
    "Thực hiện Chương trình công tác Đoàn và phong trào thanh thiếu nhi năm 2027, Ban Thường vụ Thành đoàn "
    "Cần Thơ triển khai đợt sinh hoạt chính trị chuyên đề “Tuổi trẻ Cần Thơ học tập và làm theo tư tưởng, đạo "
    "đức, phong cách Hồ Chí Minh” đến toàn thể đoàn viên, thanh niên trên địa bàn thành phố.",
    "Các cơ sở Đoàn tổ chức sinh hoạt theo hình thức phù hợp: tọa đàm, diễn đàn, sân khấu hóa, sinh hoạt trực "
    "tuyến; gắn với việc đăng ký công trình, phần việc thanh niên và các mô hình hay, cách làm hiệu quả.",
    "Kết quả thực hiện báo cáo về Ban Thường vụ Thành đoàn (qua Ban Tuyên giáo) trước ngày 15/12/2026 để tổng "
    "hợp, đánh giá và biểu dương các đơn vị thực hiện tốt.",
]


def recently():
    """Half an hour ago in Vietnam: due now, and recent enough that a new archive sends it rather than holding it
    for `loa run --catch-up` (a new archive holds posts more than `catch_up`, 1h, past their time)."""
    return (datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")) - timedelta(minutes=30)).strftime("%d/%m/%Y %H:%M")


def announcement(index, publish_at=None, channels=None):
    publish_at = publish_at or recently()
    body = "\n\n".join(PARAGRAPHS)
    front = [
        "---",
        f"id: bench-{index:05d}",
        f"title: Thông báo số {index} – sinh hoạt chính trị chuyên đề tháng 12",
        "category: policy-update",
        "unit: Ban Thường vụ Thành đoàn Cần Thơ",
        f"publish_at: {publish_at}",
        f"link: https://thanhdoancantho.example/van-ban/{index}",
        "hashtags: [Tuổi trẻ Cần Thơ, Học tập và làm theo Bác]",
    ]
    if channels:
        front.append(f"channels: [{channels}]")
    return "\n".join(front + ["---", body, ""])


def write_workspace(root, url, channel_count, concurrency, per_channel):
    os.makedirs(os.path.join(root, "queue"), exist_ok=True)
    lines = ["timezone: Asia/Ho_Chi_Minh", f"concurrency: {concurrency}", "missed_after: 3650d", "channels:"]
    for c in range(channel_count):
        lines += [
            f"  ch-{c:03d}:",
            "    platform: plain",
            "    transport: webhook",
            f"    url: {url}/c{c:03d}",
            "    secret: ${BENCH_SECRET}",
            f"    concurrency: {per_channel}",
        ]
    with open(os.path.join(root, "loa.yml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(root, "credentials"), "w", encoding="utf-8") as f:
        f.write(f"BENCH_SECRET={SECRET}\n")
    os.chmod(os.path.join(root, "credentials"), 0o600)


def fanout(args):
    write_workspace(args.out, args.url, args.channels, args.concurrency, args.per_channel)
    for i in range(args.announcements):
        with open(os.path.join(args.out, "queue", f"bench-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(announcement(i))
    # The baseline: the same number of signed POSTs of the same size, sent by curl --parallel.
    bodies = os.path.join(args.out, "curl-bodies")
    os.makedirs(bodies, exist_ok=True)
    timestamp = str(int(time.time()))
    config = []
    n = 0
    for i in range(args.announcements):
        for c in range(args.channels):
            delivery = "msg_" + hashlib.sha256(f"bench-{i:05d}\0{1}\0ch-{c:03d}".encode()).hexdigest()[:32]
            # The text Loa renders with the plain template: title, body, link, hashtags.
            title = f"Thông báo số {i} – sinh hoạt chính trị chuyên đề tháng 12"
            link = f"https://thanhdoancantho.example/van-ban/{i}"
            text = "\n\n".join([title] + PARAGRAPHS + [link, "#TuoiTreCanTho #HocTapVaLamTheoBac"])
            payload = {
                "type": "post.create",
                "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "data": {
                    "delivery_id": delivery, "announcement_id": f"bench-{i:05d}", "revision": 1,
                    "channel": f"ch-{c:03d}", "platform": "plain", "category": "policy-update",
                    "unit": "Ban Thường vụ Thành đoàn Cần Thơ",
                    "title": f"Thông báo số {i} – sinh hoạt chính trị chuyên đề tháng 12", "text": text,
                    "link": f"https://thanhdoancantho.example/van-ban/{i}", "images": [],
                    "hashtags": ["#TuoiTreCanTho", "#HocTapVaLamTheoBac"], "publish_at": "2026-12-01T01:00:00Z",
                },
            }
            body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
            signature = base64.b64encode(
                hmac.new(SECRET_KEY, f"{delivery}.{timestamp}.".encode() + body, hashlib.sha256).digest()
            ).decode()
            path = os.path.join(bodies, f"{n}.json")
            with open(path, "wb") as f:
                f.write(body)
            config += [
                f'url = "{args.url}/c{c:03d}"',
                f'data-binary = "@{path}"',
                'header = "Content-Type: application/json"',
                f'header = "webhook-id: {delivery}"',
                f'header = "webhook-timestamp: {timestamp}"',
                f'header = "webhook-signature: v1,{signature}"',
                f'header = "Idempotency-Key: {delivery}"',
                'output = "/dev/null"',
                "next",
            ]
            n += 1
    with open(os.path.join(args.out, "curl.config"), "w", encoding="utf-8") as f:
        f.write("\n".join(config[:-1]) + "\n")  # no `next` after the last request
    print(f"{n} deliveries, body {len(body)} bytes")


def idle(args):
    write_workspace(args.out, args.url, 1, args.concurrency, args.per_channel)
    for i in range(args.announcements):
        with open(os.path.join(args.out, "queue", f"bench-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(announcement(i))
    empty = args.out + "-empty"
    write_workspace(empty, args.url, 1, args.concurrency, args.per_channel)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["fanout", "idle"])
    parser.add_argument("--out", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--announcements", type=int, default=100)
    parser.add_argument("--channels", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--per-channel", type=int, default=4)
    args = parser.parse_args()
    fanout(args) if args.kind == "fanout" else idle(args)


if __name__ == "__main__":
    main()
