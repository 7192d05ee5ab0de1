// Vector generator for bloomfit hash tests. Uses Debian's reference libraries.
// Run from this folder: apt-get install -y libmurmurhash-dev libfarmhash-dev libmetrohash-dev libabsl-dev;
// g++ -O1 -o /tmp/gen gen.cc -lmurmurhash -lfarmhash -lmetrohash -labsl_city && /tmp/gen
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <vector>
#include <murmurhash.h>
#include <farmhash.h>
#include <metrohash/metrohash64.h>
#include <absl/hash/internal/city.h>
// Debian builds libfarmhash without NDEBUG, so its util::Hash64WithSeed applies farmhash's DebugTweak
// (x = ~bswap64(x * k1)). A release build's util::Hash64WithSeed is exactly farmhashna::Hash64WithSeed, which the
// library also exports; call that.
namespace farmhashna { uint64_t Hash64WithSeed(const char* s, size_t len, uint64_t seed); }
int main() {
  std::vector<long long> keys, seeds; long long v;
  FILE* f = fopen("keys.txt", "r"); while (fscanf(f, "%lld", &v) == 1) keys.push_back(v); fclose(f);
  f = fopen("seeds.txt", "r"); while (fscanf(f, "%lld", &v) == 1) seeds.push_back(v); fclose(f);
  for (long long k : keys) for (long long s : seeds) {
    uint8_t b[8]; uint64_t uk = (uint64_t)k; for (int i = 0; i < 8; i++) b[i] = (uint8_t)(uk >> (8 * i));
    uint64_t us = (uint64_t)s;
    uint32_t o32[1]; lmmh_x86_32(b, 8, (uint32_t)us, o32);
    printf("murmur3_32 %lld %lld 0x%08xL\n", k, s, o32[0]);
    uint64_t o128[2]; lmmh_x64_128(b, 8, (uint32_t)us, o128);
    printf("murmur3_128 %lld %lld 0x%016llxL\n", k, s, (unsigned long long)o128[0]);
    printf("farm64 %lld %lld 0x%016llxL\n", k, s, (unsigned long long)farmhashna::Hash64WithSeed((const char*)b, 8, us));
    uint8_t m[8]; MetroHash64::Hash(b, 8, m, us); uint64_t mv; memcpy(&mv, m, 8);
    printf("metro64 %lld %lld 0x%016llxL\n", k, s, (unsigned long long)mv);
    printf("city64 %lld %lld 0x%016llxL\n", k, s, (unsigned long long)absl::hash_internal::CityHash64WithSeed((const char*)b, 8, us));
  }
}
