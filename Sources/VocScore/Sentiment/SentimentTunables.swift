/// The constants of the rules, with their sources. VADER's come from Hutto & Gilbert (ICWSM 2014) and the
/// reference implementation (`vaderSentiment.py`), where they were fitted on human ratings.
public enum SentimentTunables {
    /// Added (in the word's direction) by a booster one word before; dampeners subtract. VADER `B_INCR`/`B_DECR`.
    public static let boosterStep = 0.293
    /// A booster two or three words before counts 95 % / 90 %. VADER `scalar_inc_dec` callers.
    public static let boosterDecay = [1.0, 0.95, 0.9]
    /// Added to a word written in capitals inside mixed-case text. VADER `C_INCR`.
    public static let capitalsStep = 0.733
    /// A negated word's valence is multiplied by this. VADER `N_SCALAR`.
    public static let negationFactor = -0.74
    /// "never so good": the word's valence is multiplied by this instead of negated. VADER `_negation_check`.
    public static let emphasisFactor = 1.25
    /// A failure statement's valence ("would not close", "no carga"): voc's own, that of the idioms it generalizes
    /// ("doesn't work", "no funciona", "não funciona" in `idioms.tsv`).
    public static let failureValence = -2.0
    /// A success statement's valence ("arrived a day early", "funcionou na primeira tentativa"): voc's own, the mirror
    /// of a failure's.
    public static let successValence = 2.0
    /// An effort phrase's valence ("took forever", "demorou uma eternidade"): voc's own, a little under the failure
    /// statements' and that of the effort idioms ("precisei ligar", −1.5).
    public static let effortValence = -1.5
    /// Words looked back from a sentiment word for a negator (VADER: 3).
    public static let negationWindow = 3
    /// Before / after a "but" contrast. VADER `_but_check`.
    public static let beforeContrastFactor = 0.5
    public static let afterContrastFactor = 1.5
    /// Inside a concessive clause ("aunque…", "although…"): voc's own, mirroring the "before but" weight.
    public static let concessionFactor = 0.5
    /// Per `!`, up to 4. VADER `_amplify_ep`.
    public static let exclamationStep = 0.292
    public static let maximumExclamations = 4
    /// Per `?` when there are 2 or 3; 0.96 for more. VADER `_amplify_qm`.
    public static let questionStep = 0.18
    public static let maximumQuestionBoost = 0.96
    /// compound = sum / √(sum² + alpha). VADER `normalize`.
    public static let normalizationAlpha = 15.0
    /// Label thresholds on the compound score (VADER's recommended ±0.05).
    public static let positiveThreshold = 0.05
    public static let negativeThreshold = -0.05
}
