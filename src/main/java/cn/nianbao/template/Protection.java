package cn.nianbao.template;

import java.security.SecureRandom;
import java.util.Base64;
import javax.xml.namespace.QName;
import org.apache.poi.poifs.crypt.CryptoFunctions;
import org.apache.poi.poifs.crypt.HashAlgorithm;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;

/**
 * Sheet and workbook protection. With a password, its SHA-512 hash (100,000 iterations, as Excel
 * does) is computed once when this object is made and reused for every sheet of every template
 * of a run: hashing per sheet made a batch of templates some 30 times slower. Without a
 * password, sheets are protected with no password at all: protection stops mistakes, not
 * attackers.
 */
public final class Protection {
    private static final int SPIN_COUNT = 100_000;

    private final String hash;
    private final String salt;

    private Protection(String hash, String salt) {
        this.hash = hash;
        this.salt = salt;
    }

    public static Protection none() {
        return new Protection(null, null);
    }

    public static Protection withPassword(String password) {
        if (password == null || password.isEmpty()) {
            return none();
        }
        byte[] saltBytes = new byte[16];
        new SecureRandom().nextBytes(saltBytes);
        byte[] h = CryptoFunctions.hashPassword(password, HashAlgorithm.sha512, saltBytes, SPIN_COUNT, false);
        Base64.Encoder b64 = Base64.getEncoder();
        return new Protection(b64.encodeToString(h), b64.encodeToString(saltBytes));
    }

    public boolean hasPassword() {
        return hash != null;
    }

    /** Writes the password attributes onto a CTSheetProtection ({@code prefix} "") or CTWorkbookProtection ("workbook"). */
    void apply(XmlObject protection, String prefix) {
        if (hash == null) {
            return;
        }
        try (XmlCursor cur = protection.newCursor()) {
            cur.toFirstContentToken();
            cur.insertAttributeWithValue(name(prefix, "algorithmName"), HashAlgorithm.sha512.jceId);
            cur.insertAttributeWithValue(name(prefix, "hashValue"), hash);
            cur.insertAttributeWithValue(name(prefix, "saltValue"), salt);
            cur.insertAttributeWithValue(name(prefix, "spinCount"), Integer.toString(SPIN_COUNT));
        }
    }

    private static QName name(String prefix, String attr) {
        return new QName(prefix.isEmpty() ? attr : prefix + Character.toUpperCase(attr.charAt(0)) + attr.substring(1));
    }
}
