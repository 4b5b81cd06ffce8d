using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The RFC 3261 transaction identity as a struct, never a concatenated string. Client transactions match on branch and
/// CSeq method (§17.1.3); server transactions add the sent-by of the top Via (§17.2.3), and an ACK uses the INVITE
/// method so it finds the INVITE transaction. Branch compares ordinally, the sent-by host case-insensitively.
/// </summary>
public readonly struct TransactionKey : IEquatable<TransactionKey>
{
    private TransactionKey(string branch, string? host, int port, SipMethod method, string? extensionMethod)
    {
        Branch = branch;
        SentByHost = host;
        SentByPort = port;
        Method = method;
        ExtensionMethod = extensionMethod;
    }

    public string Branch { get; }

    /// <summary>Null for client keys.</summary>
    public string? SentByHost { get; }

    public int SentByPort { get; }

    public SipMethod Method { get; }

    /// <summary>The method name when <see cref="Method"/> is Unknown, so two extension methods stay apart.</summary>
    public string? ExtensionMethod { get; }

    /// <summary>§17.1.3: a response matches a client transaction by top Via branch and CSeq method.</summary>
    public static TransactionKey ForClient(string branch, CSeqValue cseq) =>
        new(branch, null, 0, cseq.Method, cseq.Method == SipMethod.Unknown ? cseq.MethodName : null);

    /// <summary>§17.2.3: branch, sent-by and method of the request, ACK counting as INVITE.</summary>
    public static TransactionKey ForServer(SipRequest request) => ForServer(request, request.Method);

    /// <summary>The key <paramref name="request"/> would have if its method were <paramref name="method"/> (CANCEL lookup).</summary>
    public static TransactionKey ForServer(SipRequest request, SipMethod method)
    {
        ArgumentNullException.ThrowIfNull(request);
        SipVia via = request.TopVia;
        if (method == SipMethod.Ack)
        {
            method = SipMethod.Invite;
        }
        int port = via.Port ?? (ResponseRouting.ParseTransport(via.Transport) == SipTransportKind.Tls
            ? ResponseRouting.DefaultTlsPort
            : ResponseRouting.DefaultPort);
        return new TransactionKey(via.Branch ?? string.Empty, via.Host, port, method,
            method == SipMethod.Unknown ? request.MethodName : null);
    }

    public bool Equals(TransactionKey other) =>
        Method == other.Method &&
        SentByPort == other.SentByPort &&
        string.Equals(Branch, other.Branch, StringComparison.Ordinal) &&
        string.Equals(SentByHost, other.SentByHost, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(ExtensionMethod, other.ExtensionMethod, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is TransactionKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(Branch),
        SentByHost is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(SentByHost),
        SentByPort,
        Method);

    public static bool operator ==(TransactionKey left, TransactionKey right) => left.Equals(right);

    public static bool operator !=(TransactionKey left, TransactionKey right) => !left.Equals(right);

    public override string ToString() =>
        SentByHost is null ? $"{Branch}/{ExtensionMethod ?? Method.ToText()}" : $"{Branch}/{SentByHost}:{SentByPort}/{ExtensionMethod ?? Method.ToText()}";
}
