using System.Security.Cryptography;

namespace Softswitch.Core.Phones;

/// <summary>
/// Random phone passwords: CreatePhone without a password gets one generated and returned (001_… §3.6 return
/// "password"). Letters and digits only, without look-alikes (0/O, 1/l/I), since people type them into softphones.
/// </summary>
public static class PasswordGenerator
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public const int DefaultLength = 12;

    public static string Next(int length = DefaultLength) => RandomNumberGenerator.GetString(Alphabet, length);
}
