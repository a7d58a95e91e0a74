import type { CbProfile, Grade } from '../cb-profile/profile.ts';

/**
 * What findings need of a CB profile (the grading scale, the numbering, the recommendation wordings)
 * when the engagement has none chosen yet: the shipped default profile's (resources/cb-profiles/
 * default.json), copied here because the engagement worker must not load the shipped profile and its
 * validator. default-scale.test.ts keeps the two equal.
 */
export type FindingsProfile = Pick<CbProfile, 'grades' | 'findingNumbering' | 'recommendations'>;

export const DEFAULT_FINDINGS_PROFILE: FindingsProfile = {
  grades: [
  {
    "key": "major",
    "code": "MAJ",
    "name": {
      "en": "Major nonconformity",
      "zh-Hans": "严重不符合"
    },
    "definition": {
      "en": "A nonconformity that affects the capability of the management system to achieve its intended results. This can be the case where there is significant doubt that effective process control is in place, where a number of minor nonconformities associated with the same requirement or issue demonstrate a systemic failure, or where a required process is totally absent or has broken down.",
      "zh-Hans": "影响管理体系实现预期结果的能力的不符合。以下情况可构成严重不符合：对是否实施了有效的过程控制存在重大疑问；与同一要求或问题相关的多个轻微不符合表明存在系统性失效；所要求的过程完全缺失或已失效。"
    },
    "isNonconformity": true,
    "order": 1
  },
  {
    "key": "minor",
    "code": "MIN",
    "name": {
      "en": "Minor nonconformity",
      "zh-Hans": "轻微不符合"
    },
    "definition": {
      "en": "A nonconformity that does not affect the capability of the management system to achieve its intended results.",
      "zh-Hans": "不影响管理体系实现预期结果的能力的不符合。"
    },
    "isNonconformity": true,
    "order": 2
  },
  {
    "key": "observation",
    "code": "OBS",
    "name": {
      "en": "Observation",
      "zh-Hans": "观察项"
    },
    "definition": {
      "en": "Not a nonconformity: a situation that could become a nonconformity if it is not addressed.",
      "zh-Hans": "不构成不符合：若不加以处理，可能发展为不符合的情况。"
    },
    "isNonconformity": false,
    "order": 3
  },
  {
    "key": "improvement",
    "code": "OFI",
    "name": {
      "en": "Opportunity for improvement",
      "zh-Hans": "改进机会"
    },
    "definition": {
      "en": "Not a nonconformity: an area where the management system could be improved. It does not recommend a specific solution.",
      "zh-Hans": "不构成不符合：管理体系可以改进之处。不推荐具体的解决方案。"
    },
    "isNonconformity": false,
    "order": 4
  },
  {
    "key": "good-practice",
    "code": "GP",
    "name": {
      "en": "Good practice",
      "zh-Hans": "良好实践"
    },
    "definition": {
      "en": "A positive finding: a practice that is effective and worth recognizing.",
      "zh-Hans": "正面的审核发现：有效且值得肯定的做法。"
    },
    "isNonconformity": false,
    "order": 5
  }
] as Grade[],
  findingNumbering: {
  "pattern": "{grade}-{seq:2}",
  "sequence": "per-grade",
  "appliesTo": "all-grades"
},
  recommendations: [
  {
    "key": "stage1-ready",
    "auditTypes": [
      "stage1"
    ],
    "outcome": "positive",
    "text": {
      "en": "The organization is ready for the stage 2 audit.",
      "zh-Hans": "受审核方已具备进行第二阶段审核的条件。"
    }
  },
  {
    "key": "stage1-not-ready",
    "auditTypes": [
      "stage1"
    ],
    "outcome": "negative",
    "text": {
      "en": "The organization is not yet ready for the stage 2 audit.",
      "zh-Hans": "受审核方尚不具备进行第二阶段审核的条件。"
    }
  },
  {
    "key": "grant",
    "auditTypes": [
      "stage2"
    ],
    "outcome": "positive",
    "text": {
      "en": "The audit team recommends that certification be granted.",
      "zh-Hans": "审核组推荐授予认证。"
    }
  },
  {
    "key": "grant-after-verification",
    "auditTypes": [
      "stage2"
    ],
    "outcome": "conditional",
    "text": {
      "en": "The audit team recommends that certification be granted once the corrections and corrective actions for the nonconformities raised have been verified.",
      "zh-Hans": "审核组推荐在所提出不符合的纠正和纠正措施经验证后授予认证。"
    }
  },
  {
    "key": "grant-not-recommended",
    "auditTypes": [
      "stage2"
    ],
    "outcome": "negative",
    "text": {
      "en": "The audit team does not recommend that certification be granted at this time.",
      "zh-Hans": "审核组目前不推荐授予认证。"
    }
  },
  {
    "key": "continue",
    "auditTypes": [
      "surveillance1",
      "surveillance2",
      "short_notice"
    ],
    "outcome": "positive",
    "text": {
      "en": "The audit team recommends that certification be continued.",
      "zh-Hans": "审核组推荐保持认证。"
    }
  },
  {
    "key": "continue-after-verification",
    "auditTypes": [
      "surveillance1",
      "surveillance2",
      "short_notice"
    ],
    "outcome": "conditional",
    "text": {
      "en": "The audit team recommends that certification be continued once the corrections and corrective actions for the nonconformities raised have been verified.",
      "zh-Hans": "审核组推荐在所提出不符合的纠正和纠正措施经验证后保持认证。"
    }
  },
  {
    "key": "continue-not-recommended",
    "auditTypes": [
      "surveillance1",
      "surveillance2",
      "short_notice"
    ],
    "outcome": "negative",
    "text": {
      "en": "The audit team does not recommend that certification be continued.",
      "zh-Hans": "审核组不推荐保持认证。"
    }
  },
  {
    "key": "renew",
    "auditTypes": [
      "recertification"
    ],
    "outcome": "positive",
    "text": {
      "en": "The audit team recommends that certification be renewed.",
      "zh-Hans": "审核组推荐更新认证。"
    }
  },
  {
    "key": "renew-after-verification",
    "auditTypes": [
      "recertification"
    ],
    "outcome": "conditional",
    "text": {
      "en": "The audit team recommends that certification be renewed once the corrections and corrective actions for the nonconformities raised have been verified.",
      "zh-Hans": "审核组推荐在所提出不符合的纠正和纠正措施经验证后更新认证。"
    }
  },
  {
    "key": "renew-not-recommended",
    "auditTypes": [
      "recertification"
    ],
    "outcome": "negative",
    "text": {
      "en": "The audit team does not recommend that certification be renewed.",
      "zh-Hans": "审核组不推荐更新认证。"
    }
  },
  {
    "key": "extend",
    "auditTypes": [
      "scope_extension"
    ],
    "outcome": "positive",
    "text": {
      "en": "The audit team recommends that the extension of the scope of certification be granted.",
      "zh-Hans": "审核组推荐批准扩大认证范围。"
    }
  },
  {
    "key": "extend-after-verification",
    "auditTypes": [
      "scope_extension"
    ],
    "outcome": "conditional",
    "text": {
      "en": "The audit team recommends that the extension of the scope of certification be granted once the corrections and corrective actions for the nonconformities raised have been verified.",
      "zh-Hans": "审核组推荐在所提出不符合的纠正和纠正措施经验证后批准扩大认证范围。"
    }
  },
  {
    "key": "extend-not-recommended",
    "auditTypes": [
      "scope_extension"
    ],
    "outcome": "negative",
    "text": {
      "en": "The audit team does not recommend that the extension of the scope of certification be granted.",
      "zh-Hans": "审核组不推荐批准扩大认证范围。"
    }
  }
],
};
