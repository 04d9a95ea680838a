"""Makes encrypted.xlsx: a small ENS-like workbook encrypted with the password "vesiting" the way Excel's
"Encrypt with password" does (ECMA-376 Agile encryption: AES-256-CBC, SHA-512, 100,000 spins, in an OLE compound
file with the streams EncryptionInfo and EncryptedPackage), then checks it by decrypting it with msoffcrypto-tool.

Run with Debian's python3 and the packages python3-msoffcrypto-tool and python3-cryptography:
    /usr/bin/python3 make_encrypted_xlsx.py
Debian's msoffcrypto-tool 5.0.0 only decrypts, so the encryption (the inverse of its decryption) is written here.
"""
import base64, hashlib, hmac, io, os, struct, zipfile
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
import msoffcrypto

PASSWORD, SPIN, SEGMENT = "vesiting", 100_000, 4096


def aes(key, iv, data):
    e = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return e.update(data) + e.finalize()


def pad(data, block=16):
    return data + b"\0" * (-len(data) % block)


def workbook():
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>Møllenummer (GSRN)</t></is></c></row>'
             '<row r="2"><c r="A2"><v>570714700000000001</v></c></row></sheetData></worksheet>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="IkkeAfmeldte-Existing turbines" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        # Stored, not deflated: makes the package longer than one 4,096-byte segment, so both streams use the regular FAT.
        "docProps/padding.xml": "<p>" + "x" * 5000 + "</p>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text, compress_type=zipfile.ZIP_STORED if name.startswith("docProps") else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def encrypt(plain):
    secret, key_salt, pw_salt, verifier = (os.urandom(n) for n in (32, 16, 16, 16))
    h = hashlib.sha512(pw_salt + PASSWORD.encode("utf-16le")).digest()
    for i in range(SPIN):
        h = hashlib.sha512(struct.pack("<I", i) + h).digest()
    block_key = lambda b: hashlib.sha512(h + bytes(b)).digest()[:32]
    enc_verifier_input = aes(block_key([0xFE, 0xA7, 0xD2, 0x76, 0x3B, 0x4B, 0x9E, 0x79]), pw_salt, verifier)
    enc_verifier_hash = aes(block_key([0xD7, 0xAA, 0x0F, 0x6D, 0x30, 0x61, 0x34, 0x4E]), pw_salt, hashlib.sha512(verifier).digest())
    enc_key = aes(block_key([0x14, 0x6E, 0x0B, 0xE7, 0xAB, 0xAC, 0xD0, 0xD6]), pw_salt, secret)

    package = bytearray(struct.pack("<Q", len(plain)))
    for i in range(0, len(plain), SEGMENT):
        iv = hashlib.sha512(key_salt + struct.pack("<I", i // SEGMENT)).digest()[:16]
        package += aes(secret, iv, pad(plain[i:i + SEGMENT]))
    hmac_key = os.urandom(64)
    hmac_value = hmac.new(hmac_key, bytes(package), hashlib.sha512).digest()
    iv_hk = hashlib.sha512(key_salt + bytes([0x5F, 0xB2, 0xAD, 0x01, 0x0C, 0xB9, 0xE1, 0xF6])).digest()[:16]
    iv_hv = hashlib.sha512(key_salt + bytes([0xA0, 0x67, 0x7F, 0x02, 0xB2, 0x2C, 0x84, 0x33])).digest()[:16]
    b64 = lambda b: base64.b64encode(b).decode()
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
           f'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="{b64(key_salt)}"/>'
           f'<dataIntegrity encryptedHmacKey="{b64(aes(secret, iv_hk, hmac_key))}" encryptedHmacValue="{b64(aes(secret, iv_hv, hmac_value))}"/>'
           '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
           f'<p:encryptedKey spinCount="{SPIN}" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="{b64(pw_salt)}" '
           f'encryptedVerifierHashInput="{b64(enc_verifier_input)}" encryptedVerifierHashValue="{b64(enc_verifier_hash)}" encryptedKeyValue="{b64(enc_key)}"/>'
           '</keyEncryptor></keyEncryptors></encryption>')
    info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode()
    info += b" " * (SEGMENT - len(info))  # XML allows trailing white space; ≥ 4,096 bytes keeps it out of the mini stream
    return info, bytes(package)


def compound_file(streams):
    """A version-3 OLE compound file (MS-CFB) with 512-byte sectors: FAT in sector 0, directory in sector 1."""
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    data, fat, starts, next_sector = b"", [fat_sect, end], [], 2
    for _, content in streams:
        sectors = -(-len(content) // 512)
        starts.append(next_sector)
        fat += [next_sector + k + 1 for k in range(sectors - 1)] + [end]
        data += content + b"\0" * (-len(content) % 512)
        next_sector += sectors
    assert len(fat) <= 128
    fat += [free] * (128 - len(fat))

    def entry(name, kind, left, right, child, start, size):
        encoded = (name + "\0").encode("utf-16le") if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1) + struct.pack("<III", left, right, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))

    nostream = 0xFFFFFFFF
    # Siblings are ordered by name length, then name: EncryptionInfo (14) before EncryptedPackage (16).
    directory = (entry("Root Entry", 5, nostream, nostream, 1, end, 0)
                 + entry(streams[0][0], 2, nostream, 2, nostream, starts[0], len(streams[0][1]))
                 + entry(streams[1][0], 2, nostream, nostream, nostream, starts[1], len(streams[1][1]))
                 + entry("", 0, nostream, nostream, nostream, 0, 0))
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0) + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == 512
    return header + b"".join(struct.pack("<I", f) for f in fat) + directory + data


plain = workbook()
info, package = encrypt(plain)
cfb = compound_file([("EncryptionInfo", info), ("EncryptedPackage", package)])
with open("encrypted.xlsx", "wb") as f:
    f.write(cfb)

# Independent check: msoffcrypto-tool reads it as an encrypted OOXML file and the password gives the workbook back.
office = msoffcrypto.OfficeFile(io.BytesIO(cfb))
assert office.is_encrypted()
office.load_key(password=PASSWORD, verify_password=True)
decrypted = io.BytesIO()
office.decrypt(decrypted, verify_integrity=True)
assert decrypted.getvalue() == plain, "decryption did not give the workbook back"
print(f"encrypted.xlsx: {len(cfb)} bytes; msoffcrypto-tool decrypts it with the password to the {len(plain)}-byte workbook")
