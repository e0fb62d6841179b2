import VocCore

extension DaySignals {
    /// Counts one record's signals.
    mutating func add(_ signal: FeedbackSignal) {
        responses += 1
        if let nps = signal.nps {
            npsAnswered += 1
            switch NPSBand(score: nps) {
            case .promoter: promoters += 1
            case .detractor: detractors += 1
            case .passive: break
            }
        }
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
