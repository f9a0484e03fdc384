/// Numbers for the console in French: « 12 345 », « 22,4 ». Plain spaces, so that columns stay aligned.
enum FrenchNumber {
    static func format(_ value: Double, decimals: Int = 0) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let integerPart = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        var grouped = ""
        for (offset, digit) in String(integerPart).reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped = " " + grouped }
            grouped = String(digit) + grouped
        }
        if value < 0 && scaled != 0 { grouped = "-" + grouped }
        guard decimals > 0 else { return grouped }
        let digits = String(fraction)
        return grouped + "," + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// A count, grouped: « 100 000 ».
    static func count(_ value: Int) -> String { format(Double(value)) }

    /// Enough significant digits for a rate or a duration whatever its size.
    static func adaptive(_ value: Double) -> String {
        format(value, decimals: value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3)
    }

    /// Bytes as mebibytes: « 48 Mo ».
    static func megabytes(_ bytes: Int?) -> String {
        bytes.map { format(Double($0) / 1_048_576) + " Mo" } ?? "—"
    }
}
