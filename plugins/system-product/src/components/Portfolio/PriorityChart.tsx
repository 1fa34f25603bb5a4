import { useTheme } from '@material-ui/core/styles';
import { PortfolioEntry } from '@system-product/backstage-plugin-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The score of each system product the page lists (after its filters) and
 * its three parts: impact, need and support.
 */
export function PriorityChart(props: { entries: PortfolioEntry[] }) {
  const theme = useTheme();
  const data = props.entries.map(entry => ({
    name: entry.title,
    impact: Math.round(entry.priority.impact * 100),
    need: Math.round(entry.priority.need * 100),
    support: Math.round(entry.priority.support * 100),
    score: Math.round(entry.priority.score * 100),
  }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis dataKey="name" stroke={theme.palette.text.secondary} />
        <YAxis
          domain={[0, 100]}
          unit="%"
          stroke={theme.palette.text.secondary}
        />
        <Tooltip formatter={(value: number) => `${value}%`} />
        <Legend />
        <Bar
          dataKey="score"
          name="Invest first (score)"
          fill={theme.palette.primary.main}
        />
        <Bar dataKey="impact" name="Impact" fill={theme.palette.info.main} />
        <Bar dataKey="need" name="Need" fill={theme.palette.error.main} />
        <Bar
          dataKey="support"
          name="Support"
          fill={theme.palette.success.main}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
