# Vector generator for bloomfit hash tests: python3-xxhash 3.2.0 (libxxhash 0.8.1), scikit-learn 1.2.1, hashlib.
# Run from this folder: apt-get install -y python3-xxhash python3-sklearn; /usr/bin/python3 gen.py
import hashlib, struct, xxhash
from sklearn.utils import murmurhash3_32
keys = [int(l) for l in open("keys.txt")]
seeds = [int(l) for l in open("seeds.txt")]
M64 = (1 << 64) - 1
for k in keys:
    for s in seeds:
        b = struct.pack("<q", k)
        us = s & M64
        s32 = us & 0xFFFFFFFF
        sk = s32 - (1 << 32) if s32 >= (1 << 31) else s32
        print("murmur3_32_sklearn %d %d 0x%08xL" % (k, s, murmurhash3_32(b, seed=s32, positive=True)))
        print("xxh32 %d %d 0x%08xL" % (k, s, xxhash.xxh32_intdigest(b, seed=s32)))
        print("xxh64 %d %d 0x%016xL" % (k, s, xxhash.xxh64_intdigest(b, seed=us)))
        print("xxh3 %d %d 0x%016xL" % (k, s, xxhash.xxh3_64_intdigest(b, seed=us)))
        msg = struct.pack("<Q", us) + b
        for name in ("md5", "sha1", "sha256"):
            d = hashlib.new(name, msg).digest()
            print("%s %d %d 0x%016xL" % (name, k, s, struct.unpack("<Q", d[:8])[0]))
