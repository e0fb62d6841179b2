extension NPSTally {
    public mutating func merge(_ other: NPSTally) {
        promoters += other.promoters
        passives += other.passives
        detractors += other.detractors
        blank += other.blank
        notApplicable += other.notApplicable
    }
}

extension RatingTally {
    /// Adds another tally; the scale stays known only while both sides used the same one.
    public mutating func merge(_ other: RatingTally) {
        if answered == 0 { scale = other.scale } else if other.answered > 0 && other.scale != scale { scale = nil }
        answered += other.answered
        favourable += other.favourable
        unitSum += other.unitSum
        unitSquareSum += other.unitSquareSum
        blank += other.blank
        notApplicable += other.notApplicable
    }
}

extension AccountTally {
    /// Several accounts' tallies added up (a portfolio, a segment), without an account.
    public static func pooled(_ tallies: some Sequence<AccountTally>) -> AccountTally {
        var pooled = AccountTally(responses: 0, nps: NPSTally(), csat: RatingTally(), ces: RatingTally(), comments: 0)
        for tally in tallies { pooled.merge(tally) }
        return pooled
    }

    /// Adds the records of another tally (of the same account) to this one.
    public mutating func merge(_ other: AccountTally) {
        accountName = accountName ?? other.accountName
        responses += other.responses
        nps.merge(other.nps)
        csat.merge(other.csat)
        ces.merge(other.ces)
        recommend.merge(other.recommend)
        firstResponse = [firstResponse, other.firstResponse].compactMap { $0 }.min()
        lastResponse = [lastResponse, other.lastResponse].compactMap { $0 }.max()
        comments += other.comments
        scoredComments += other.scoredComments
        sentimentSum += other.sentimentSum
        sentimentSquareSum += other.sentimentSquareSum
        negativeComments += other.negativeComments
        churnMentions += other.churnMentions
        effortMentions += other.effortMentions
        for (label, tally) in other.labels { labels[label, default: LabelTally()].merge(tally) }
    }
}
