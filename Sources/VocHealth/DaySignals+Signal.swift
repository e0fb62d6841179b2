import VocCore

extension DaySignals {
    /// Counts one record's signals.
    mutating func add(_ signal: FeedbackSignal) {
        responses += 1
        if let score = signal.nps { nps.add(.rating(score)) }
        if let favourable = signal.csatFavourable { csatAnswered += 1; if favourable { csatFavourable += 1 } }
        if let favourable = signal.cesFavourable { cesAnswered += 1; if favourable { cesFavourable += 1 } }
        if let sentiment = signal.sentiment {
            scored += 1
            sentimentUnits += RollupUnits.units(sentiment)
            if signal.churn { churn += 1 }
            if signal.effort { effort += 1 }
        }
        if let time = signal.submittedAt?.timeIntervalSince1970 { lastAt = max(lastAt ?? time, time) }
    }
}
