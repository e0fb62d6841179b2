import VocCore

extension RollupCell {
    /// Counts one record's signals: the parts of a cell the health model reads (answers, favourable flags, sentiment,
    /// churn and effort, submission time).
    mutating func add(_ signal: FeedbackSignal) {
        responses += 1
        if let nps = signal.nps { self.nps.add(.rating(nps)) }
        if let favourable = signal.csatFavourable { csat.answered += 1; if favourable { csat.favourable += 1 } }
        if let favourable = signal.cesFavourable { ces.answered += 1; if favourable { ces.favourable += 1 } }
        if let sentiment = signal.sentiment {
            scored += 1
            sentimentUnits += RollupUnits.units(sentiment)
            if signal.churn { churn += 1 }
            if signal.effort { effort += 1 }
        }
        if let time = signal.submittedAt?.timeIntervalSince1970 {
            firstAt = min(firstAt ?? time, time)
            lastAt = max(lastAt ?? time, time)
        }
    }
}
