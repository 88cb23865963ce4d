using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace S3Emulator.Server.Hosting.Certificates;

/// <summary>PKCS#12 in the one form the emulator writes and reads for its own certificate.</summary>
internal static class Pkcs12
{
    /// <summary>
    /// AES-256 rather than the 3DES/RC2 default so that OpenSSL 3 (which drops RC2) can open the file.
    /// No password: the file is readable by its owner only, and a password in configuration would
    /// protect nothing more.
    /// </summary>
    public static byte[] Export(X509Certificate2 certificate) =>
        certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password: null);

    public static X509Certificate2 Load(byte[] pfx, string? password = null) =>
        X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.DefaultKeySet);

    public static X509Certificate2 LoadFile(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.DefaultKeySet);
}
