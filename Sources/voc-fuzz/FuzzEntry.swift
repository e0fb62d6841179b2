import Foundation
import VocFuzzing

#if FUZZING
/// libFuzzer's entry point (built with `-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING`); the target comes from
/// `VOC_FUZZ_TARGET` (csv, mime, rfc2047, xml, sentiment, query). See `scripts/fuzz.sh`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzSelection.target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// libFuzzer's driver, which its own `main` would call; SwiftPM names the executable's entry point `voc_fuzz_main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("voc_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzzOneInput)
}

enum FuzzSelection {
    static let target: FuzzTarget = {
        guard let name = ProcessInfo.processInfo.environment["VOC_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
            fatalError("set VOC_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()
}
#else
/// Without libFuzzer: `voc-fuzz TARGET FILE…` replays inputs (a crash corpus, say) through a target.
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: voc-fuzz csv|mime|rfc2047|xml|sentiment FILE…\n".utf8))
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("voc-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            print("\(path): \(target.run(Array(data))) events")
        }
    }
}
#endif
