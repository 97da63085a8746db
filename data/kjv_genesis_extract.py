"""Writes kjv-genesis.txt.gz: the Book of Genesis (King James Version, 1611; public domain), one verse per line,
verse numbers and chapter headings removed, from Debian's bible-kjv package (4.38):
    apt-get install -y bible-kjv && python3 kjv_genesis_extract.py
Re-gzipped at level 9 with a zero timestamp so the file (and its checksum) is reproducible."""
import gzip, re, subprocess

raw = subprocess.run(["bible", "-l100000", "gen1:1-gen50:26"], capture_output=True, text=True, check=True).stdout
verses = [m.group(1).strip() for m in (re.match(r"^\s+\d+ (.*)$", line) for line in raw.splitlines()) if m]
text = "\n".join(verses) + "\n"
with open("kjv-genesis.txt.gz", "wb") as f:
    with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(text.encode("ascii"))
print(f"{len(verses)} verses, {len(text)} characters, {len(set(text))} distinct")
