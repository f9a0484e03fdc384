// libFuzzer target: any bytes from a client, fed to the HTTP request reader whole and in pieces of every size the
// input asks for, must give the same requests and the same refusal, within the limits, without crashing; the
// bodies and queries of the requests are decoded as forms and uploads.
import LoopbackHTTP

/// Small limits, so that the fuzzer reaches them.
let limits: HTTPLimits = {
    var limits = HTTPLimits()
    limits.requestLineBytes = 512
    limits.headerBytes = 1024
    limits.headerCount = 16
    limits.bodyBytes = 4096
    return limits
}()

/// The requests read from `bytes` fed in pieces of `piece` bytes, and the refusal that stopped the reading.
func read(_ bytes: ArraySlice<UInt8>, piece: Int) -> ([HTTPRequest], HTTPRequestError.Kind?) {
    var reader = HTTPRequestReader(limits: limits)
    var requests: [HTTPRequest] = []
    var start = bytes.startIndex
    do {
        while start < bytes.endIndex {
            let end = min(start + piece, bytes.endIndex)
            reader.append(bytes[start..<end])
            start = end
            while let request = try reader.next() { requests.append(request) }
        }
    } catch {
        return (requests, error.kind)
    }
    return (requests, nil)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTP(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let all = Array(UnsafeRawBufferPointer(start: data, count: size))
    guard let first = all.first else { return 0 }
    let bytes = all[1...]
    let whole = read(bytes, piece: max(bytes.count, 1))
    let pieces = read(bytes, piece: Int(first % 17) + 1)
    // The same bytes, however they arrive, are the same requests or the same refusal.
    guard whole.0 == pieces.0, whole.1 == pieces.1 else { fatalError("lecture différente selon le découpage : \(whole) / \(pieces)") }
    for request in whole.0 {
        guard request.body.count <= limits.bodyBytes, request.headers.count <= limits.headerCount,
              request.target.utf8.count <= limits.requestLineBytes else { fatalError("limite dépassée : \(request)") }
        _ = URLEncoding.decodeForm(request.query)
        _ = URLEncoding.decodeForm(String(decoding: request.body, as: UTF8.self))
        if case .success(let parts) = MultipartForm.parse(request.body, contentType: request.headers["Content-Type"] ?? "multipart/form-data; boundary=x") {
            guard parts.count <= 32 else { fatalError("trop de parties") }
        }
        _ = HTTPResponse(status: .ok, headers: request.headers, body: request.body).serialized(keepAlive: request.keepsAlive)
    }
    return 0
}
