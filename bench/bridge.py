#!/usr/bin/env python3
"""A local bridge for the several-hosts benchmark: answers every POST with 200 {"id": …} after DELAY ms, as a real
bridge does (20–500 ms), and logs each request's `webhook-id` and the time it came, one line each, to LOG.

Usage: python3 bench/bridge.py PORT DELAY_MS LOG
HTTP/1.1 with keep-alive, on asyncio (one thread): it holds thousands of requests waiting at once. Its own CPU
is not Loa's: the benchmark reports it apart, through /proc.
"""
import asyncio
import sys
import time

PORT, DELAY, LOG = int(sys.argv[1]), int(sys.argv[2]) / 1000, sys.argv[3]
log = open(LOG, "a", buffering=1)
count = 0


async def serve(reader, writer):
    global count
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length, webhook_id = 0, "-"
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value.strip())
                elif name == b"webhook-id":
                    webhook_id = value.strip().decode()
            if length:
                await reader.readexactly(length)
            log.write(f"{time.time():.6f} {webhook_id}\n")
            count += 1
            if DELAY:
                await asyncio.sleep(DELAY)
            body = b'{"id":"%d"}' % count
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", PORT, backlog=4096)
    async with server:
        await server.serve_forever()


asyncio.run(main())
