import { InfoCard } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import {
  CanvasContent,
  CanvasSection,
} from '@system-product/backstage-plugin-common';
import { answerOf } from './answerOf';

/**
 * One canvas section: its purpose, then each focus question with the canvas's
 * answer, or a prompt where none is given yet.
 */
export function CanvasSectionCard(props: {
  section: CanvasSection;
  content: CanvasContent;
}) {
  const { section, content } = props;
  return (
    <InfoCard title={section.title} subheader={section.purpose}>
      <List dense disablePadding>
        {section.questions.map(question => {
          const answered = question.isAnswered(content);
          return (
            <ListItem key={question.id} alignItems="flex-start" disableGutters>
              {answered ? (
                <CheckCircleIcon
                  color="primary"
                  fontSize="small"
                  titleAccess="Answered"
                  style={{ marginRight: 8, marginTop: 4 }}
                />
              ) : (
                <RadioButtonUncheckedIcon
                  color="disabled"
                  fontSize="small"
                  titleAccess="Not answered yet"
                  style={{ marginRight: 8, marginTop: 4 }}
                />
              )}
              <ListItemText
                primary={question.question}
                secondary={
                  answered ? (
                    <Typography
                      variant="body2"
                      component="span"
                      style={{ whiteSpace: 'pre-line' }}
                    >
                      {answerOf(question.id, content)}
                    </Typography>
                  ) : (
                    'Not answered yet'
                  )
                }
              />
            </ListItem>
          );
        })}
      </List>
    </InfoCard>
  );
}
