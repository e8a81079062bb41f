package dev.pgtestkit.samples.keep;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM encryption of stored tokens (the seed's {@code EncryptionService}, with {@code javax.crypto} instead of
 * Fernet). A value is stored as base64 of a random 12-byte IV followed by the ciphertext and its tag. The context
 * (user and column) is authenticated too, so a ciphertext copied to another user's row does not decrypt.
 */
public final class CredentialCipher {

    /** The environment variable holding the base64 key (16, 24 or 32 bytes). */
    public static final String KEY_VARIABLE = "KEEP_SYNC_ENCRYPTION_KEY";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private CredentialCipher(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("An AES key has 16, 24 or 32 bytes, this one has " + key.length
                    + ". Generate one with CredentialCipher.generateKey().");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A cipher with the key in {@value #KEY_VARIABLE}. */
    public static CredentialCipher fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static CredentialCipher fromEnvironment(Map<String, String> environment) {
        String encoded = environment.get(KEY_VARIABLE);
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalStateException(KEY_VARIABLE + " is not set. Set it to a base64 AES key, e.g. the output"
                    + " of CredentialCipher.generateKey().");
        }
        try {
            return of(Base64.getDecoder().decode(encoded.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_VARIABLE + " is not a usable key: " + e.getMessage(), e);
        }
    }

    /** A cipher with this raw key (16, 24 or 32 bytes). */
    public static CredentialCipher of(byte[] key) {
        return new CredentialCipher(key);
    }

    /** A new random 256-bit key, base64 encoded: a value for {@value #KEY_VARIABLE}. */
    public static String generateKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Encrypts {@code plaintext} bound to {@code context} (e.g. {@code "user42/notion_api_token"}). */
    public String encrypt(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /** Decrypts what {@link #encrypt} returned for the same context. */
    public String decrypt(String stored, String context) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        if (bytes.length <= IV_BYTES) {
            throw new IllegalArgumentException("Not an encrypted value of " + context + ": too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), context);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt " + context + ": the key (" + KEY_VARIABLE
                    + ") differs from the one it was encrypted with, or the value was altered or copied from"
                    + " another row", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
