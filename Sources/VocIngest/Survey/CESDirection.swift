/// Which end of a CES scale means "easy": CES 2.0 asks for agreement that something was easy (higher is easier); older
/// surveys ask how much effort it took (lower is easier).
public enum CESDirection: String, Sendable, Hashable, CaseIterable {
    case higherIsEasier = "higher-is-easier"
    case lowerIsEasier = "lower-is-easier"
}
