"""Hit-path cost of the Lumen client's cached entitlement checks: ``python bench/lumen_hit_path.py``.

Measured on the development machine (Python 3.11, best of 5 x 200,000, respx-served first fetch;
0.7-1.4 µs depending on machine load):

    LumenClient.is_feature_entitled hit (sync)              ~0.7-1.3 µs
    await AsyncLumenClient.is_feature_entitled hit          ~0.75-1.4 µs
    lumen-python-sdk 0.1.1 is_feature_entitled             one HTTPS request (new connection) per call
"""

from __future__ import annotations

import asyncio
import time
import timeit

from paywire.lumen.client import AsyncLumenClient, LumenClient

N = 200_000
ENTITLEMENTS = {"entitlements": [{"entitled": True, "feature": {"slug": "api-calls", "value": 100},
                                  "source": "plan"}]}


def main() -> None:
    import respx

    with respx.mock(base_url="https://lumen.bench.invalid") as mock:
        mock.get("/v1/entitlements/u1").respond(json=ENTITLEMENTS)
        sync = LumenClient(api_key="lumen_sk_bench_key", api_url="https://lumen.bench.invalid")
        sync.is_feature_entitled("api-calls", user_id="u1")
        best = min(timeit.repeat(lambda: sync.is_feature_entitled("api-calls", user_id="u1"), number=N, repeat=5))
        print(f"LumenClient.is_feature_entitled hit (sync)      {best / N * 1e9:8.0f} ns")
        sync.close()

        async def run_async() -> float:
            client = AsyncLumenClient(api_key="lumen_sk_bench_key", api_url="https://lumen.bench.invalid")
            await client.is_feature_entitled("api-calls", user_id="u1")
            best = float("inf")
            for _ in range(5):
                start = time.perf_counter()
                for _ in range(N):
                    await client.is_feature_entitled("api-calls", user_id="u1")
                best = min(best, time.perf_counter() - start)
            await client.aclose()
            return best

        print(f"await AsyncLumenClient.is_feature_entitled hit  {asyncio.run(run_async()) / N * 1e9:8.0f} ns")


if __name__ == "__main__":
    main()
