"""Writes data/fashion-mnist-*.gz: the first N training and M test images (and labels) of Debian's
dataset-fashion-mnist, in the original IDX format with only the count in each header changed,
gzipped at level 9 with a zero timestamp so that the output (and SHA256SUMS) is reproducible.
Usage, from data/: /usr/bin/python3 fashion_mnist_subset.py 10000 2000"""
import gzip, struct, sys
src = "/usr/share/datasets/fashion-mnist/"
def subset(name, out, n):
    raw = gzip.open(src + name).read()
    magic = struct.unpack(">I", raw[:4])[0]
    dims = magic & 0xff
    shape = struct.unpack(">" + "I"*dims, raw[4:4+4*dims])
    rec = 1
    for s in shape[1:]: rec *= s
    hdr = 4 + 4*dims
    body = raw[hdr:hdr + n*rec]
    newhdr = raw[:4] + struct.pack(">I", n) + raw[8:hdr]
    with open(out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as g:
            g.write(newhdr + body)
    print(out, shape, "->", n)
subset("train-images-idx3-ubyte.gz", "fashion-mnist-train-images-idx3-ubyte.gz", int(sys.argv[1]))
subset("train-labels-idx1-ubyte.gz", "fashion-mnist-train-labels-idx1-ubyte.gz", int(sys.argv[1]))
subset("t10k-images-idx3-ubyte.gz", "fashion-mnist-test-images-idx3-ubyte.gz", int(sys.argv[2]))
subset("t10k-labels-idx1-ubyte.gz", "fashion-mnist-test-labels-idx1-ubyte.gz", int(sys.argv[2]))
