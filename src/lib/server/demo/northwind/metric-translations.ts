/** The demo's metric definitions in Dutch and Simplified Chinese (issue 16), keyed like `demoMetrics`. */
import type { MetricKey } from './metrics';

export interface MetricText {
	name: string;
	description: string;
	unit: string;
}

export const demoMetricTranslations: Record<'nl' | 'zh-CN', Record<MetricKey, MetricText>> = {
	nl: {
		sla_on_time: {
			name: 'Binnen de SLA afgehandelde aanvragen',
			description: 'Aandeel van de aanvragen dat binnen het afgesproken serviceniveau is afgesloten, in procenten.',
			unit: '%'
		},
		first_response_hours: {
			name: 'Eerste reactietijd',
			description:
				'Gemiddeld aantal werkuren tussen de binnenkomst van een aanvraag en het eerste antwoord van een medewerker.',
			unit: 'uur'
		},
		requests_handled: {
			name: 'Afgehandelde aanvragen',
			description: 'Aanvragen die in de week zijn afgesloten.',
			unit: 'aanvragen'
		},
		backlog: {
			name: 'Werkvoorraad aan het eind van de maand',
			description: 'Aanvragen die aan het eind van de laatste werkdag van de maand nog openstaan.',
			unit: 'aanvragen'
		},
		rework_rate: {
			name: 'Heropend of teruggestuurd',
			description:
				'Aandeel van de afgesloten aanvragen dat is heropend of is teruggestuurd voor correctie, in procenten.',
			unit: '%'
		}
	},
	'zh-CN': {
		sla_on_time: {
			name: '在SLA时限内解决的申请',
			description: '在约定服务水平内关闭的申请所占比例，以百分比表示。',
			unit: '%'
		},
		first_response_hours: {
			name: '首次响应时间',
			description: '从收到申请到首次由人工回复之间的平均工作小时数。',
			unit: '小时'
		},
		requests_handled: {
			name: '已处理申请数',
			description: '当周关闭的申请数量。',
			unit: '个申请'
		},
		backlog: {
			name: '月末积压量',
			description: '当月最后一个工作日结束时仍未关闭的申请。',
			unit: '个申请'
		},
		rework_rate: {
			name: '重新打开或返工',
			description: '已关闭申请中被重新打开或退回更正的比例，以百分比表示。',
			unit: '%'
		}
	}
};
